import { PrintLinkSigner, type PrintGrant } from './print-link';

describe('print links', () => {
  const signer = new PrintLinkSigner(Buffer.from('k'.repeat(32)));
  const now = Date.UTC(2026, 2, 15, 12, 0, 0);
  const grant: PrintGrant = { userId: 'u1', documentType: 'goods-receipt', id: 'd1', form: 'receipt-note', lang: 'ru', format: 'pdf', from: '', to: '', expiresAt: now / 1000 + 300 };

  it('opens while it lasts, and names what it grants', () => {
    expect(signer.verify(signer.sign(grant), now)).toEqual(grant);
    expect(signer.verify(signer.sign(grant), now + 299_000)).toEqual(grant);
  });

  it.each([
    ['expired', (t: string) => t, now + 300_000],
    ['another key', (t: string) => new PrintLinkSigner(Buffer.from('x'.repeat(32))).sign(grant) + t.slice(t.length), now],
    ['a changed grant', (t: string) => `${Buffer.from(JSON.stringify(['u2', 'goods-receipt', 'd1', 'receipt-note', 'ru', 'pdf', now / 1000 + 300])).toString('base64url')}.${t.split('.')[1]}`, now],
    ['a cut signature', (t: string) => t.slice(0, -2), now],
    ['garbage', () => 'not-a-token', now],
  ])('refuses %s', (_what, tamper, at) => {
    expect(signer.verify(tamper(signer.sign(grant)), at)).toBeNull();
  });
});
