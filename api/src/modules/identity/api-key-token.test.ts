import { apiKeyPrefixOf, looksLikeApiKey, newApiKey, parseApiKey, secretHashOf, secretMatches } from './api-key-token';

const ID = '3f9a1c2e-5b6d-4e7f-8a9b-0c1d2e3f4a5b';

describe('API key text', () => {
  it('is tbk_, the record id as 32 hex digits, _, and a 43-character secret whose SHA-256 is what is kept', () => {
    // when a key is made for the record
    const { key, secretHash } = newApiKey(ID);

    // then it reads tbk_3f9a1c2e5b6d4e7f8a9b0c1d2e3f4a5b_<secret> and parses back to the id and the secret
    expect(key).toMatch(/^tbk_3f9a1c2e5b6d4e7f8a9b0c1d2e3f4a5b_[A-Za-z0-9_-]{43}$/);
    expect(key.startsWith(apiKeyPrefixOf(ID))).toBe(true);
    const parsed = parseApiKey(key)!;
    expect(parsed.id).toBe(ID);
    expect(secretHashOf(parsed.secret)).toEqual(secretHash);
    expect(secretHash).toHaveLength(32);
    // and the kept hash does not contain the secret
    expect(secretHash.toString('utf8')).not.toContain(parsed.secret);
  });

  it('is different every time, even for the same record', () => {
    expect(newApiKey(ID).key).not.toBe(newApiKey(ID).key);
  });

  it.each([
    ['empty', ''],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig'],
    ['the prefix alone', 'tbk_'],
    ['no secret', 'tbk_3f9a1c2e5b6d4e7f8a9b0c1d2e3f4a5b_'],
    ['a short secret', `tbk_3f9a1c2e5b6d4e7f8a9b0c1d2e3f4a5b_${'a'.repeat(42)}`],
    ['a long secret', `tbk_3f9a1c2e5b6d4e7f8a9b0c1d2e3f4a5b_${'a'.repeat(44)}`],
    ['an id with dashes', `tbk_${ID}_${'a'.repeat(43)}`],
    ['upper-case hex', `tbk_3F9A1C2E5B6D4E7F8A9B0C1D2E3F4A5B_${'a'.repeat(43)}`],
    ['a character outside base64url', `tbk_3f9a1c2e5b6d4e7f8a9b0c1d2e3f4a5b_${'a'.repeat(42)}+`],
    ['a trailing newline', `tbk_3f9a1c2e5b6d4e7f8a9b0c1d2e3f4a5b_${'a'.repeat(43)}\n`],
    ['10,000 characters', `tbk_${'a'.repeat(10_000)}`],
  ])('is not read from %s', (_case, text) => {
    expect(parseApiKey(text)).toBeNull();
  });

  it('tells a key from a JWT by its prefix alone', () => {
    expect([looksLikeApiKey('tbk_whatever'), looksLikeApiKey('eyJhbGciOi'), looksLikeApiKey('TBK_x')]).toEqual([true, false, false]);
  });

  it.each([
    ['the same secret', 'secret-a', true],
    ['another secret', 'secret-b', false],
    ['an empty secret', '', false],
  ])('matches %s against the kept hash of secret-a: %s', (_case, secret, matches) => {
    expect(secretMatches(secret, secretHashOf('secret-a'))).toBe(matches);
  });

  it('never matches a kept hash of another length (a damaged row) and does not throw', () => {
    expect(secretMatches('secret-a', Buffer.alloc(16))).toBe(false);
  });
});
