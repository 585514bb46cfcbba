import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * An API key's text: `tbk_<public id>_<secret>`. The public id is the key's record id (a
 * UUID as 32 hex digits: not a secret, it is listed in `apiKeys`), so a key is looked up by
 * its primary key; the secret is 32 random bytes in base64url (43 characters).
 *
 * Only SHA-256 of the secret is stored. A password needs a slow hash (argon2) because people
 * choose guessable ones; 256 random bits cannot be guessed, so one fast hash is as safe and
 * costs a microsecond per request instead of argon2's tens of milliseconds.
 */
export const API_KEY_PREFIX = 'tbk_';
const SECRET_BYTES = 32;
const TOKEN = /^tbk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

const hexOf = (uuid: string) => uuid.replace(/-/g, '').toLowerCase();
const uuidOf = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

/** Whether a bearer token is meant as an API key (a JWT never starts so), whether or not it is a valid one. */
export const looksLikeApiKey = (token: string) => token.startsWith(API_KEY_PREFIX);

/** What the console shows to tell keys apart: the key's text up to its secret. */
export const apiKeyPrefixOf = (id: string) => `${API_KEY_PREFIX}${hexOf(id)}_`;

export function secretHashOf(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** A new key for the record `id`: its text, shown once, and the hash that is kept. */
export function newApiKey(id: string): { key: string; secretHash: Buffer } {
  const secret = randomBytes(SECRET_BYTES).toString('base64url');
  return { key: `${apiKeyPrefixOf(id)}${secret}`, secretHash: secretHashOf(secret) };
}

/** The record id and secret of a well-formed key; null for anything else (never throws). */
export function parseApiKey(token: string): { id: string; secret: string } | null {
  const match = TOKEN.exec(token);
  return match ? { id: uuidOf(match[1]), secret: match[2] } : null;
}

/** Compares the secret's hash with the stored one in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const presented = secretHashOf(secret);
  return storedHash.length === presented.length && timingSafeEqual(presented, storedHash);
}
