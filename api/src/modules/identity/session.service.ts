import type { MikroORM } from '@mikro-orm/postgresql';
import type { AuthUser } from '../../server/context';
import { looksLikeApiKey } from './api-key-token';
import type { ApiKeySessions } from './api-key.sessions';
import type { PermissionMatrix } from './permissions';
import type { TokenService } from './token.service';
import { standingInFor } from './deputy.service';
import { User } from './user.entity';

/**
 * Turns a bearer token — a user's JWT or an API key — into the signed-in caller. Users
 * and keys are cached for a few seconds per instance so a request does not pay a lookup;
 * a deactivation, role change or key revocation takes effect within SESSION_CACHE_SECONDS
 * everywhere, at once where its USER_ACCESS_CHANGED event has arrived (WsSessions forgets them).
 * Whom a user stands in for as a deputy is read with them, so a deputy period set or ended
 * applies on the instance that changed it at once and elsewhere within SESSION_CACHE_SECONDS.
 */
export class SessionService {
  private readonly cache = new Map<string, { user: AuthUser | null; at: number }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly tokens: TokenService,
    private readonly cacheMs: number,
    private readonly permissions: PermissionMatrix,
    private readonly apiKeys: ApiKeySessions,
  ) {}

  async userFromToken(token: string | null | undefined): Promise<AuthUser | null> {
    if (token && looksLikeApiKey(token)) return this.apiKeys.callerOf(token);
    const userId = await this.tokens.verify(token);
    return userId ? this.userById(userId) : null;
  }

  async userById(userId: string): Promise<AuthUser | null> {
    const cached = this.cache.get(userId);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.user;
    const em = this.orm.em.fork();
    const record = await em.findOne(User, { id: userId, active: true });
    const user = record ? { ...toAuthUser(record, this.permissions), standsInFor: (await standingInFor(em, [record.id])).get(record.id) } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(userId, { user, at: Date.now() });
    return user;
  }

  /**
   * The callers as the database holds them now, by id (null: deactivated, revoked or gone):
   * the users in one statement, the API keys in another; the caches take them too.
   */
  async refresh(callers: readonly AuthUser[]): Promise<Map<string, AuthUser | null>> {
    const idsOf = (apiKey: boolean) => [...new Set(callers.filter((c) => c.apiKey === apiKey).map((c) => c.id))];
    const userIds = idsOf(false);
    const em = this.orm.em.fork();
    const records = userIds.length ? await em.find(User, { id: { $in: userIds }, active: true }) : [];
    const absent = await standingInFor(em, records.map((record) => record.id));
    const fresh = new Map<string, AuthUser | null>(userIds.map((id) => [id, null]));
    for (const record of records) fresh.set(record.id, { ...toAuthUser(record, this.permissions), standsInFor: absent.get(record.id) });
    for (const [id, user] of fresh) this.cache.set(id, { user, at: Date.now() });
    const keyIds = idsOf(true);
    if (keyIds.length) for (const [id, key] of await this.apiKeys.refresh(keyIds)) fresh.set(id, key);
    return fresh;
  }

  /** The signed-in form of a user record (its roles' permissions resolved). */
  authUserOf(user: User): AuthUser {
    return toAuthUser(user, this.permissions);
  }

  /** Forgets a user, or an API key by its id. */
  forget(callerId: string): void {
    this.cache.delete(callerId);
    this.apiKeys.forget(callerId);
  }
}

/** The same access: the same roles (whatever their order) and the same partner link. */
export function sameAccess(a: AuthUser, b: AuthUser | null): boolean {
  return !!b && a.counterpartyId === b.counterpartyId && [...a.roles].sort().join() === [...b.roles].sort().join();
}

/**
 * Published after a commit that deactivated or deleted a user, changed their roles or partner
 * link, or revoked an API key (`userId` is then the key's id): every instance forgets the
 * session and closes its sockets.
 */
export const USER_ACCESS_CHANGED = 'USER_ACCESS_CHANGED';

export function toAuthUser(user: User, permissions: PermissionMatrix): AuthUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    permissions: permissions.of(user.roles),
    counterpartyId: user.counterparty?.id ?? null,
    apiKey: false,
  };
}
