import { randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppSetting } from '../../shared/app-setting.entity';

const ISSUER = 'tradebook';

/** Signs and checks the JWTs that carry a user's id (DESIGN §8). */
export class TokenService {
  private constructor(
    private readonly key: Uint8Array,
    private readonly ttl: string,
  ) {}

  /**
   * Uses JWT_SECRET when set; otherwise a secret generated once and kept in the
   * database, so every instance of one installation accepts the same tokens.
   */
  static async create(em: EntityManager, secret: string | undefined, ttl: string): Promise<TokenService> {
    if (secret) return new TokenService(new TextEncoder().encode(secret), ttl);
    const generated = randomBytes(48).toString('base64url');
    await em
      .getConnection()
      .execute(`insert into app_setting (key, value) values ('jwt_secret', ?) on conflict (key) do nothing`, [generated]);
    const stored = await em.fork().findOneOrFail(AppSetting, { key: 'jwt_secret' });
    return new TokenService(new TextEncoder().encode(stored.value), ttl);
  }

  sign(userId: string): Promise<string> {
    return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer(ISSUER).setIssuedAt().setExpirationTime(this.ttl).sign(this.key);
  }

  /** The user id in a valid token, or null for a missing, forged or expired one. */
  async verify(token: string | undefined | null): Promise<string | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      return payload.sub ?? null;
    } catch {
      return null;
    }
  }
}
