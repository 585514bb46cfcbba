import type { EntityManager } from '@mikro-orm/postgresql';
import { SignJWT } from 'jose';
import { TokenService } from './token.service';

const SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const T0 = new Date('2026-03-01T10:00:00Z');

/** With JWT_SECRET set the service never touches the database. */
const tokens = (ttl = '1h') => TokenService.create(undefined as unknown as EntityManager, SECRET, ttl);

describe('token service', () => {
  beforeEach(() => jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('accepts its own token again and again until it expires, then never again', async () => {
    // given a token valid for an hour that was already verified once
    const service = await tokens('1h');
    const token = await service.sign('user-1');
    expect(await service.verify(token)).toBe('user-1');

    // when it is used just before and just after its expiry
    jest.setSystemTime(T0.getTime() + 3600_000 - 1000);
    const before = await service.verify(token);
    jest.setSystemTime(T0.getTime() + 3600_000);
    const at = await service.verify(token);
    const later = await service.verify(token);

    // then it is valid up to the last second only
    expect(before).toBe('user-1');
    expect(at).toBeNull();
    expect(later).toBeNull();
  });

  it.each([
    ['a tampered payload', (token: string) => token.replace(/\.[^.]+\./, `.${Buffer.from('{"sub":"user-2","iss":"tradebook"}').toString('base64url')}.`)],
    ['a cut signature', (token: string) => token.slice(0, -2)],
    ['an empty token', () => ''],
  ])('refuses %s, even after the genuine token was verified', async (_, forge) => {
    const service = await tokens();
    const token = await service.sign('user-1');
    await service.verify(token);
    expect(await service.verify(forge(token))).toBeNull();
  });

  it('refuses a token signed with another key or by another issuer', async () => {
    const service = await tokens();
    const otherKey = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('user-1').setIssuer('tradebook').setExpirationTime('1h').sign(new TextEncoder().encode(`${SECRET}!`));
    const otherIssuer = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('user-1').setIssuer('someone').setExpirationTime('1h').sign(new TextEncoder().encode(SECRET));
    expect(await service.verify(otherKey)).toBeNull();
    expect(await service.verify(otherIssuer)).toBeNull();
  });
});
