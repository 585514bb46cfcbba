import type { FieldMessages } from '../../shared/field-errors';
import { checkCompanyIdentifiers, imageProblem, ogrnProblem } from './company-details.checks';

/** A 1 × 1 PNG. */
const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('company details checks', () => {
  it.each([
    ['1027700132195', null], // Sberbank: 102770013219 mod 11 = 5
    ['1027700132196', 'FORMAT'],
    ['304500116000157', null], // a sole trader: 30450011600015 mod 13 = 7
    ['12345', 'FORMAT'],
  ])('OGRN %s → %s', (ogrn, reason) => {
    expect(ogrnProblem(ogrn)?.reason ?? null).toBe(reason);
  });

  it('refuses each bad identifier under its own field', () => {
    const fields: FieldMessages = {};
    checkCompanyIdentifiers({ inn: '7707083894', kpp: '77360100', ogrn: '1027700132195', bik: '04452522', correspondentAccount: '3010181040000000022', account: '40702810X00000000001' }, fields);
    expect(Object.keys(fields).sort()).toEqual(['account', 'bik', 'correspondentAccount', 'inn', 'kpp']);
  });

  it('takes a valid set', () => {
    const fields: FieldMessages = {};
    checkCompanyIdentifiers({ inn: '7707083893', kpp: '773601001', ogrn: '1027700132195', bik: '044525225', correspondentAccount: '30101810400000000225', account: '40702810938000000001' }, fields);
    expect(fields).toEqual({});
  });

  it.each([
    [`data:image/png;base64,${PIXEL}`, null],
    ['data:image/jpeg;base64,/9j/4AAQSkZJRg==', null],
    ['data:image/png;base64,/9j/4AAQSkZJRg==', 'FORMAT'], // a JPEG called a PNG
    ['data:image/gif;base64,R0lGODlh', 'FORMAT'],
    ['https://example.com/logo.png', 'FORMAT'],
    [`data:image/jpeg;base64,/9j/${'A'.repeat(Math.ceil((256 * 1024 + 3) / 3) * 4)}`, 'TOO_LARGE'],
  ])('image %#', (url, reason) => {
    expect(imageProblem(url)?.reason ?? null).toBe(reason);
  });
});
