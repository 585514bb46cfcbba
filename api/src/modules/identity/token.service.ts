import { createHmac, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppSetting } from '../../shared/app-setting.entity';

const ISSUER = 'tradebook';
/** How many verified tokens are remembered before they are all forgotten at once. */
const VERIFIED_MAX = 10_000;

/**
 * Signs and checks the JWTs that carry a user's id (DESIGN §8). A token's signature and
 * claims never change, so each token is verified once and then only its expiry is
 * checked; whether its user may still act is the SessionService's business.
 */
export class TokenService {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, { userId: string; expiresAt: number }>();

  private constructor(
    secret: string,
    private readonly ttl: string,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  /**
   * Uses JWT_SECRET when set; otherwise a secret generated once and kept in the
   * database, so every instance of one installation accepts the same tokens.
   */
  static async create(em: EntityManager, secret: string | undefined, ttl: string): Promise<TokenService> {
    if (secret) return new TokenService(secret, ttl);
    const generated = randomBytes(48).toString('base64url');
    await em
      .getConnection()
      .execute(`insert into app_setting (key, value) values ('jwt_secret', ?) on conflict (key) do nothing`, [generated]);
    const stored = await em.fork().findOneOrFail(AppSetting, { key: 'jwt_secret' });
    return new TokenService(stored.value, ttl);
  }

  /** A key for another purpose (signed print links), derived from the same secret: what it signs is never a valid session token, nor the other way round. */
  derivedKey(purpose: string): Buffer {
    return createHmac('sha256', this.key.export()).update(`tradebook:${purpose}`).digest();
  }

  sign(userId: string): Promise<string> {
    return new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer(ISSUER).setIssuedAt().setExpirationTime(this.ttl).sign(this.key);
  }

  /** The user id in a valid token, or null for a missing, forged or expired one. */
  async verify(token: string | undefined | null): Promise<string | null> {
    if (!token) return null;
    const known = this.verified.get(token);
    if (known) {
      // as jwtVerify judges `exp`: valid while the current second is before it
      if (Math.floor(Date.now() / 1000) < known.expiresAt) return known.userId;
      this.verified.delete(token);
      return null;
    }
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      if (!payload.sub) return null;
      if (this.verified.size >= VERIFIED_MAX) this.verified.clear();
      this.verified.set(token, { userId: payload.sub, expiresAt: payload.exp ?? Infinity });
      return payload.sub;
    } catch {
      return null;
    }
  }
}
