import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Knex } from '@mikro-orm/postgresql';
import { AppError, ErrorCode } from '../../shared/errors';

export interface LoginLimits {
  perEmail: number;
  perIp: number;
  windowSeconds: number;
}

/**
 * Counts failed logins per email and per IP in PostgreSQL, so the limit holds
 * across every instance. A success clears the email's count.
 */
export class LoginLimiter {
  private readonly byEmail: RateLimiterPostgres;
  private readonly byIp: RateLimiterPostgres;

  constructor(knex: Knex, limits: LoginLimits) {
    const common = { storeClient: knex, storeType: 'knex', tableName: 'login_attempt', tableCreated: true, duration: limits.windowSeconds };
    this.byEmail = new RateLimiterPostgres({ ...common, keyPrefix: 'email', points: limits.perEmail });
    this.byIp = new RateLimiterPostgres({ ...common, keyPrefix: 'ip', points: limits.perIp });
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [emailState, ipState] = await Promise.all([this.byEmail.get(email), this.byIp.get(ip)]);
    const blocked = [
      emailState && emailState.consumedPoints >= this.byEmail.points ? emailState : null,
      ipState && ipState.consumedPoints >= this.byIp.points ? ipState : null,
    ].filter((s) => s !== null);
    if (blocked.length) {
      const retryAfterSeconds = Math.ceil(Math.max(...blocked.map((s) => s!.msBeforeNext)) / 1000);
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `Too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([this.byEmail.penalty(email, 1), this.byIp.penalty(ip, 1)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
