import type { MikroORM } from '@mikro-orm/postgresql';
import type { AuthUser } from '../../server/context';
import type { PermissionMatrix } from './permissions';
import type { TokenService } from './token.service';
import { User } from './user.entity';

/**
 * Turns a bearer token into the signed-in user. Users are cached for a few seconds
 * per instance so a request does not pay a lookup; a deactivation or role change
 * takes effect within SESSION_CACHE_SECONDS everywhere (at once on the instance that made it).
 */
export class SessionService {
  private readonly cache = new Map<string, { user: AuthUser | null; at: number }>();

  constructor(
    private readonly orm: MikroORM,
    private readonly tokens: TokenService,
    private readonly cacheMs: number,
    private readonly permissions: PermissionMatrix,
  ) {}

  async userFromToken(token: string | null | undefined): Promise<AuthUser | null> {
    const userId = await this.tokens.verify(token);
    return userId ? this.userById(userId) : null;
  }

  async userById(userId: string): Promise<AuthUser | null> {
    const cached = this.cache.get(userId);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached.user;
    const record = await this.orm.em.fork().findOne(User, { id: userId, active: true });
    const user = record ? toAuthUser(record, this.permissions) : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(userId, { user, at: Date.now() });
    return user;
  }

  /** The users as the database holds them now (null: deactivated or gone), read in one statement; the cache takes them too. */
  async refresh(userIds: readonly string[]): Promise<Map<string, AuthUser | null>> {
    const records = userIds.length ? await this.orm.em.fork().find(User, { id: { $in: [...userIds] }, active: true }) : [];
    const fresh = new Map<string, AuthUser | null>(userIds.map((id) => [id, null]));
    for (const record of records) fresh.set(record.id, toAuthUser(record, this.permissions));
    for (const [id, user] of fresh) this.cache.set(id, { user, at: Date.now() });
    return fresh;
  }

  /** The signed-in form of a user record (its roles' permissions resolved). */
  authUserOf(user: User): AuthUser {
    return toAuthUser(user, this.permissions);
  }

  forget(userId: string): void {
    this.cache.delete(userId);
  }
}

/** The same access: the same roles (whatever their order) and the same partner link. */
export function sameAccess(a: AuthUser, b: AuthUser | null): boolean {
  return !!b && a.counterpartyId === b.counterpartyId && [...a.roles].sort().join() === [...b.roles].sort().join();
}

/** Published after a commit that deactivated or deleted a user, or changed their roles or partner link: every instance forgets the session and closes its sockets. */
export const USER_ACCESS_CHANGED = 'USER_ACCESS_CHANGED';

export function toAuthUser(user: User, permissions: PermissionMatrix): AuthUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    permissions: permissions.of(user.roles),
    counterpartyId: user.counterparty?.id ?? null,
  };
}
