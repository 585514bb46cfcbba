import { defineModule, type ModuleDefinition } from '../../server/module';
import { RequestGate } from '../../server/request-gate';
import { ErrorCode } from '../../shared/errors';
import { MetaResolver } from '../../server/meta.resolver';
import { ApiKey } from './api-key.entity';
import { ApiKeyResolver } from './api-key.resolver';
import { ApiKeyService } from './api-key.service';
import { ApiKeySessions } from './api-key.sessions';
import { AuditEntry } from './audit-entry.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditSubscriber } from './audit.subscriber';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { DeputyResolver } from './deputy.resolver';
import { DeputyService } from './deputy.service';
import { LoginLimiter } from './login-limiter';
import { EDIT, READ, Role } from './permissions';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';
import { UserDeputy } from './user-deputy.entity';

export interface IdentityServices {
  tokens: TokenService;
  sessions: SessionService;
  auth: AuthService;
  users: UserService;
  audit: AuditService;
  apiKeys: ApiKeyService;
  deputies: DeputyService;
}

/** Users, roles, sign-in (passwords for people, API keys for partners' servers) and the audit log. */
export const identityModule: ModuleDefinition<IdentityServices> = defineModule({
  name: 'identity',
  entities: [User, ApiKey, AuditEntry, UserDeputy],
  resolvers: [MetaResolver, AuthResolver, UserResolver, ApiKeyResolver, AuditResolver, DeputyResolver],
  async services({ orm, config, core, logger }) {
    const tokens = await TokenService.create(orm.em.fork(), config.JWT_SECRET, config.JWT_TTL);
    const cacheMs = config.SESSION_CACHE_SECONDS * 1000;
    const sessions = new SessionService(orm, tokens, cacheMs, core.permissions, new ApiKeySessions(orm, cacheMs, core.permissions, logger));
    const limiter = new LoginLimiter(orm.em.getKnex(), {
      perEmail: config.LOGIN_ATTEMPTS_PER_EMAIL,
      perIp: config.LOGIN_ATTEMPTS_PER_IP,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
    });
    // password checks take turns: argon2 under a login storm would otherwise take every core from PostgreSQL
    const passwordChecks = new RequestGate({ running: config.PASSWORD_CHECKS_AT_ONCE, queued: config.PASSWORD_CHECKS_QUEUED });
    return {
      tokens,
      sessions,
      auth: new AuthService(tokens, limiter, sessions, passwordChecks),
      users: new UserService(sessions),
      audit: new AuditService(),
      apiKeys: new ApiKeyService(sessions),
      deputies: new DeputyService(sessions),
    };
  },
  constraintMessages: {
    user_deputy_period_order: { code: ErrorCode.BAD_USER_INPUT, field: 'to', message: 'must not be before from' },
    user_deputy_not_self: { code: ErrorCode.BAD_USER_INPUT, field: 'deputyId', message: 'a user cannot stand in for themselves' },
    app_user_email_unique: { code: ErrorCode.CONFLICT, field: 'email', message: 'is already taken' },
    api_key_name_length: { code: ErrorCode.BAD_USER_INPUT, field: 'name', message: 'must be 1 to 100 characters, not only spaces' },
    // only a bug could break it: the service keeps nothing but a SHA-256
    api_key_secret_hash_sha256: { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error; quote the request id to support' },
  },
  permissions: {
    // apiKey: only ADMIN (who gets every declared permission); revoking is apiKey:delete
    // deputy: who stands in for an absent user (one's own; deputy:others, anyone's)
    resources: ['user', 'audit', 'setting', 'apiKey', 'deputy'],
    fields: ['deputy:others'],
    grants: {
      [Role.SALES_HEAD]: { resources: { user: READ, deputy: EDIT }, fields: ['deputy:others'] },
      [Role.SALES_MANAGER]: { resources: { user: READ, deputy: EDIT } },
      [Role.PURCHASING]: { resources: { user: READ } },
      [Role.MARKETING]: { resources: { user: READ } },
      [Role.SERVICE]: { resources: { user: READ } },
      [Role.ACCOUNTANT]: { resources: { user: READ, setting: ['read', 'update'] } },
    },
  },
  ormSubscribers: () => [new AuditSubscriber()],
});
