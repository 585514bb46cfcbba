import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { requireUser } from '../../server/access';
import { AppError, ErrorCode, badInput, forbidden } from '../../shared/errors';
import { GateFull, type RequestGate } from '../../server/request-gate';
import { FieldReason, problem } from '../../shared/field-errors';
import type { LoginLimiter } from './login-limiter';
import { hashPassword, verifyPassword } from './password';
import type { SessionService } from './session.service';
import type { TokenService } from './token.service';
import { User } from './user.entity';
import { signedIn } from './viewer';

const invalidLogin = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Invalid email or password');

/** Login, the signed-in user, and changing one's own password. */
export class AuthService {
  constructor(
    private readonly tokens: TokenService,
    private readonly limiter: LoginLimiter,
    private readonly sessions: SessionService,
    /** A password check keeps a core busy for a moment: a few at a time leave the CPU to everyone else. */
    private readonly passwordChecks: RequestGate,
  ) {}

  /** Runs `work` in one of the few turns for password checks; TOO_MANY_REQUESTS at once when all are taken and the queue is full. */
  private async inPasswordTurn<T>(work: () => Promise<T>): Promise<T> {
    let leave: () => void;
    try {
      leave = await this.passwordChecks.enter('password');
    } catch (error) {
      if (error instanceof GateFull) throw new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Too many logins at once; try again in 1 s', { retryAfterSeconds: 1 });
      throw error;
    }
    try {
      return await work();
    } finally {
      leave();
    }
  }

  /**
   * Runs outside the mutation transaction (see AuthResolver.login): each statement takes
   * a pooled connection and gives it back, and none is held while argon2 verifies. The
   * turn comes first, so a login refused for the load costs no statement at all.
   */
  async login(ctx: Context, emailInput: string, password: string): Promise<{ token: string; user: User }> {
    const email = emailInput.trim().toLowerCase();
    const user = await this.inPasswordTurn(async () => {
      await this.limiter.consume(email, ctx.ip);
      const found = await ctx.em.findOne(User, { email });
      return (await verifyPassword(found?.passwordHash, password)) ? found : null;
    });
    if (!user) throw invalidLogin();
    if (!user.active) throw new AppError(ErrorCode.UNAUTHENTICATED, 'This user is deactivated; ask an administrator');
    await this.limiter.succeeded(email, ctx.ip);
    // not an edit of the record: no version bump, no audit entry
    await ctx.em.execute('update app_user set last_login_at = now() where id = ?', [user.id]);
    signedIn(ctx, this.sessions.authUserOf(user));
    return { token: await this.tokens.sign(user.id), user };
  }

  async me(ctx: Context): Promise<User> {
    const { user } = requireUser(ctx);
    if (user.apiKey) throw forbidden('An API key is not a person: there is no user to return; the one counterparty it reads is its client');
    return ctx.em.findOneOrFail(User, { id: user.id });
  }

  async changePassword(ctx: Context, currentPassword: string, newPassword: string): Promise<User> {
    const me = await this.me(ctx);
    if (!(await verifyPassword(me.passwordHash, currentPassword))) throw badInput({ currentPassword: problem(FieldReason.WRONG_PASSWORD, 'is not your current password') });
    if (currentPassword === newPassword) throw badInput({ newPassword: problem(FieldReason.SAME_PASSWORD, 'must differ from the current password') });
    me.passwordHash = await hashPassword(newPassword);
    me.hasDemoPassword = false;
    this.sessions.forget(me.id);
    return me;
  }
}

/** Production must not run with a password everyone can read in the README. */
export async function countDemoPasswords(em: EntityManager): Promise<number> {
  return em.count(User, { hasDemoPassword: true, active: true });
}
