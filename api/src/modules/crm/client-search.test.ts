import { clientSearchCondition } from './client-search';

describe('clientSearchCondition', () => {
  it.each<[string, string | null]>([
    // a name: no phone part
    ['Ромашка', null],
    // an INN fragment of four digits is too short for a phone
    ['7707', null],
    // digits with a phone's punctuation: the digits
    ['912 345-67', '%91234567%'],
    // a Russian number with the trunk 8 is searched as +7
    ['8 (912) 345-67-89', '%79123456789%'],
    ['+7 912 345 67 89', '%79123456789%'],
    // letters beside digits: not a phone
    ['ООО 12345', null],
  ])('%s → phone %s', (q, phone) => {
    const or = (clientSearchCondition(q)!.$or as Record<string, { $like?: string }>[]);
    expect(or.find((c) => 'phoneKey' in c)?.phoneKey?.$like ?? null).toBe(phone);
    expect(or.slice(0, 3)).toEqual([{ name: { $ilike: `%${q}%` } }, { fullName: { $ilike: `%${q}%` } }, { inn: { $like: `%${q}%` } }]);
  });

  it('nothing for a blank search', () => {
    expect(clientSearchCondition('   ')).toBeNull();
    expect(clientSearchCondition(null)).toBeNull();
  });
});
