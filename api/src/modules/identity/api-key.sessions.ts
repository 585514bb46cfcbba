import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { AuthUser } from '../../server/context';
import { ApiKey } from './api-key.entity';
import { parseApiKey, secretMatches } from './api-key-token';
import { Role, type PermissionMatrix } from './permissions';

/** A key's last use is written at most this often (per key and instance; the row itself at most once a minute). */
const MARK_USE_EVERY_MS = 60_000;
const CACHE_MAX = 10_000;

/** What an instance knows of one key id: null caller for no such key, or a revoked one. */
interface KnownKey {
  caller: AuthUser | null;
  secretHash: Buffer | null;
  /** The last use written (ms), as the row said when read or as this instance wrote it. */
  lastUsedAt: number | null;
  at: number;
}

/**
 * Turns an API key into the caller it signs in: a PARTNER of the key's counterparty, with
 * the key's own id (so the per-caller request turn and the audit log name the key). Keys
 * are remembered for SESSION_CACHE_SECONDS like users, and forgotten at once on every
 * instance when a revocation's USER_ACCESS_CHANGED event arrives (SessionService.forget).
 * The secret is checked on every request against the kept hash, in constant time.
 */
export class ApiKeySessions {
  private readonly cache = new Map<string, KnownKey>();

  constructor(
    private readonly orm: MikroORM,
    private readonly cacheMs: number,
    private readonly permissions: PermissionMatrix,
    private readonly logger: Logger,
  ) {}

  /** The key's caller, or null for a malformed, unknown, revoked or wrong key (never throws for the text itself). */
  async callerOf(token: string): Promise<AuthUser | null> {
    const parsed = parseApiKey(token);
    if (!parsed) return null;
    const known = await this.known(parsed.id);
    if (!known.caller || !known.secretHash || !secretMatches(parsed.secret, known.secretHash)) return null;
    await this.markUsed(parsed.id, known);
    return known.caller;
  }

  /** The keys as the database holds them now (null: revoked or gone), read in one statement; the cache takes them too. */
  async refresh(ids: readonly string[]): Promise<Map<string, AuthUser | null>> {
    const fresh = await this.read(ids);
    return new Map([...fresh].map(([id, known]) => [id, known.caller]));
  }

  forget(id: string): void {
    this.cache.delete(id);
  }

  private async known(id: string): Promise<KnownKey> {
    const cached = this.cache.get(id);
    if (cached && Date.now() - cached.at < this.cacheMs) return cached;
    return (await this.read([id])).get(id)!;
  }

  private async read(ids: readonly string[]): Promise<Map<string, KnownKey>> {
    const records = ids.length ? await this.orm.em.fork().find(ApiKey, { id: { $in: [...ids] }, revokedAt: null }) : [];
    const at = Date.now();
    const fresh = new Map<string, KnownKey>(ids.map((id) => [id, { caller: null, secretHash: null, lastUsedAt: null, at }]));
    for (const record of records) {
      fresh.set(record.id, { caller: this.callerFor(record), secretHash: record.secretHash, lastUsedAt: record.lastUsedAt?.getTime() ?? null, at });
    }
    if (this.cache.size + fresh.size > CACHE_MAX) this.cache.clear();
    for (const [id, known] of fresh) this.cache.set(id, known);
    return fresh;
  }

  private callerFor(key: ApiKey): AuthUser {
    const roles = [Role.PARTNER];
    return { id: key.id, email: '', name: key.name, roles, permissions: this.permissions.of(roles), counterpartyId: key.counterparty.id, apiKey: true };
  }

  /**
   * Records the use without a write per request: only when the last one recorded is a minute
   * old (so every instance writes a key's row at most once a minute, and the row's own
   * condition keeps several instances from writing it more often). Not an edit of the key:
   * no version, no audit entry. A failed write is tried again on the next use.
   */
  private async markUsed(id: string, known: KnownKey): Promise<void> {
    const now = Date.now();
    if (known.lastUsedAt !== null && now - known.lastUsedAt < MARK_USE_EVERY_MS) return;
    const previous = known.lastUsedAt;
    known.lastUsedAt = now; // before the write: requests arriving meanwhile do not write too
    try {
      await this.orm.em
        .getConnection()
        .execute(`update api_key set last_used_at = now() where id = ? and revoked_at is null and (last_used_at is null or last_used_at <= now() - interval '1 minute')`, [id]);
    } catch (error) {
      known.lastUsedAt = previous;
      this.logger.warn({ err: error, apiKeyId: id }, 'could not record the use of an API key');
    }
  }
}
