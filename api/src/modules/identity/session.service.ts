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

  forget(userId: string): void {
    this.cache.delete(userId);
  }
}

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
