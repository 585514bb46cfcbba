import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Knex } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../shared/errors';

export interface LoginLimits {
  perEmail: number;
  perIp: number;
  windowSeconds: number;
}

export const tooManyLogins = (retryAfterSeconds: number) =>
  new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });

/**
 * Counts login attempts per email and per IP in PostgreSQL, so the limit holds across
 * every instance. Each attempt is consumed before the password is looked at, in one
 * upsert per key (no check-then-count race: of 8 parallel attempts under a limit of 5,
 * exactly 5 are tried); a success gives its attempt back and clears the email's count.
 * Every statement takes a pooled connection of its own and returns it at once: call it
 * outside any transaction.
 */
export class LoginLimiter {
  private readonly byEmail: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(knex: Knex, limits: LoginLimits) {
    const common = { storeClient: knex, storeType: 'knex', tableName: 'login_attempt', tableCreated: true, duration: limits.windowSeconds };
    this.byEmail = new RateLimiterPostgres({ ...common, keyPrefix: 'email', points: limits.perEmail });
    this.byIp = new RateLimiterPostgres({ ...common, keyPrefix: 'ip', points: limits.perIp });
  }

  /** Takes one attempt from the IP's and then the email's allowance; TOO_MANY_REQUESTS (with retryAfterSeconds) when either is used up. */
  async consume(email: string, ip: string): Promise<void> {
    try {
      await this.byIp.consume(ip);
      await this.byEmail.consume(email);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyLogins(Math.max(1, Math.ceil(error.msBeforeNext / 1000)));
      throw error;
    }
  }

  /** A signed-in user's attempt is not a failure: it is given back to the IP, and the email starts afresh. */
  async succeeded(email: string, ip: string): Promise<void> {
    await this.byEmail.delete(email);
    await this.byIp.reward(ip, 1);
  }
}
