import { defineModule, type ModuleDefinition } from '../../server/module';
import { RequestGate } from '../../server/request-gate';
import { ErrorCode } from '../../shared/errors';
import { MetaResolver } from '../../server/meta.resolver';
import { AuditEntry } from './audit-entry.entity';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';
import { AuditSubscriber } from './audit.subscriber';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { READ, Role } from './permissions';
import { SessionService } from './session.service';
import { TokenService } from './token.service';
import { User } from './user.entity';
import { UserResolver } from './user.resolver';
import { UserService } from './user.service';

export interface IdentityServices {
  tokens: TokenService;
  sessions: SessionService;
  auth: AuthService;
  users: UserService;
  audit: AuditService;
}

/** Users, roles, sign-in and the audit log. */
export const identityModule: ModuleDefinition<IdentityServices> = defineModule({
  name: 'identity',
  entities: [User, AuditEntry],
  resolvers: [MetaResolver, AuthResolver, UserResolver, AuditResolver],
  async services({ orm, config, core }) {
    const tokens = await TokenService.create(orm.em.fork(), config.JWT_SECRET, config.JWT_TTL);
    const sessions = new SessionService(orm, tokens, config.SESSION_CACHE_SECONDS * 1000, core.permissions);
    const limiter = new LoginLimiter(orm.em.getKnex(), {
      perEmail: config.LOGIN_ATTEMPTS_PER_EMAIL,
      perIp: config.LOGIN_ATTEMPTS_PER_IP,
      windowSeconds: config.LOGIN_WINDOW_SECONDS,
    });
    // password checks take turns: argon2 under a login storm would otherwise take every core from PostgreSQL
    const passwordChecks = new RequestGate({ running: config.PASSWORD_CHECKS_AT_ONCE, queued: config.PASSWORD_CHECKS_QUEUED });
    return { tokens, sessions, auth: new AuthService(tokens, limiter, sessions, passwordChecks), users: new UserService(sessions), audit: new AuditService() };
  },
  constraintMessages: {
    app_user_email_unique: { code: ErrorCode.CONFLICT, field: 'email', message: 'is already taken' },
  },
  permissions: {
    resources: ['user', 'audit', 'setting'],
    grants: {
      [Role.SALES_HEAD]: { resources: { user: READ } },
      [Role.SALES_MANAGER]: { resources: { user: READ } },
      [Role.PURCHASING]: { resources: { user: READ } },
      [Role.MARKETING]: { resources: { user: READ } },
      [Role.SERVICE]: { resources: { user: READ } },
      [Role.ACCOUNTANT]: { resources: { user: READ, setting: ['read', 'update'] } },
    },
  },
  ormSubscribers: () => [new AuditSubscriber()],
});
