import argon2 from 'argon2';

export const MIN_PASSWORD_LENGTH = 8;

export const hashPassword = (password: string) => argon2.hash(password, { type: argon2.argon2id });

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
