import { LockMode } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { requireUser } from '../../server/access';
import { SYSTEM_USER_ID, type AuthUser, type Context } from '../../server/context';
import { baseConditions, isUuid, listPage } from '../../shared/crud';
import { badInput, notFound } from '../../shared/errors';
import { emitAfterCommit } from '../../shared/event-bus';
import { required, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { Counterparty, CounterpartyRole } from '../crm/counterparty.entity';
import { newApiKey } from './api-key-token';
import { ApiKey } from './api-key.entity';
import type { ApiKeyListArgs, CreateApiKeyInput } from './api-key.inputs';
import { USER_ACCESS_CHANGED, type SessionService } from './session.service';
import { User } from './user.entity';

const SORTABLE = ['name', 'counterparty.name', 'createdAt', 'lastUsedAt', 'revokedAt'] as const;

/** Partners' API keys, made and revoked by administrators (apiKey:create, apiKey:delete). */
export class ApiKeyService {
  constructor(private readonly sessions: SessionService) {}

  list(ctx: Context, args: ApiKeyListArgs): Promise<Page<ApiKey>> {
    const f = args.filter;
    const conditions = baseConditions<ApiKey>(f, ['name']);
    if (f?.counterpartyId) conditions.push({ counterparty: f.counterpartyId });
    if (f?.revoked === true) conditions.push({ revokedAt: { $ne: null } });
    if (f?.revoked === false) conditions.push({ revokedAt: null });
    return listPage(ctx.em, ApiKey, conditions, args, SORTABLE, 'name');
  }

  get(ctx: Context, id: string): Promise<ApiKey | null> {
    return isUuid(id) ? ctx.em.findOne(ApiKey, { id }) : Promise.resolve(null);
  }

  /** A new key for a client; its text is returned this once and only its hash is kept. */
  async create(ctx: Context, input: CreateApiKeyInput): Promise<{ key: string; apiKey: ApiKey }> {
    const { user } = requireUser(ctx);
    const name = input.name.trim();
    const problems: FieldMessages = {};
    if (!name) problems.name = required();
    // a partner acts for a client: its own client record, orders and prices (DESIGN §8)
    const counterparty = await ctx.services.counterparties.roleProblem(ctx.em, input.counterpartyId, CounterpartyRole.CLIENT);
    if (counterparty) problems.counterpartyId = counterparty;
    if (Object.keys(problems).length) throw badInput(problems);
    const id = randomUUID();
    const { key, secretHash } = newApiKey(id);
    const apiKey = ctx.em.create(ApiKey, {
      id,
      name,
      counterparty: ctx.em.getReference(Counterparty, input.counterpartyId, { wrapped: true }),
      secretHash,
      createdBy: userRef(ctx, user),
    });
    await ctx.em.flush();
    return { key, apiKey };
  }

  /**
   * Revokes a key: from the commit on it is refused (UNAUTHENTICATED) on every instance and
   * its WebSockets are closed (4403), as when a user is deactivated. Revoking a revoked key
   * changes nothing and returns it as it is, so a retried call is harmless.
   */
  async revoke(ctx: Context, id: string): Promise<ApiKey> {
    const { user } = requireUser(ctx);
    const apiKey = isUuid(id) ? await ctx.em.findOne(ApiKey, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE }) : null;
    if (!apiKey) throw notFound('ApiKey', id);
    if (apiKey.revokedAt) return apiKey;
    apiKey.revokedAt = new Date();
    apiKey.revokedBy = userRef(ctx, user);
    await ctx.em.flush();
    this.sessions.forget(apiKey.id);
    emitAfterCommit(ctx, USER_ACCESS_CHANGED, { userId: apiKey.id });
    return apiKey;
  }
}

/** The acting user's record, or none when the system acts (no user row has its id). */
function userRef(ctx: Context, user: AuthUser) {
  return user.apiKey || user.id === SYSTEM_USER_ID ? null : ctx.em.getReference(User, user.id, { wrapped: true });
}
