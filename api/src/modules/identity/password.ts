import argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 8;

/**
 * OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane): one check keeps one core busy for a
 * moment, where the library's default (4 lanes, 4 threads) took every core of a small
 * server and starved PostgreSQL and all other requests during a storm of wrong logins.
 * Hashes made with other settings still verify (they carry their own).
 */
const HASHING = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, HASHING);

// Verified when the email is unknown, so a miss takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('not-a-real-password');
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}
