import { clientSearchCondition } from './client-search';

const text = (q: string) => [{ name: { $ilike: `%${q}%` } }, { fullName: { $ilike: `%${q}%` } }, { inn: { $like: `%${q}%` } }];
const number = (inn: string, phone: string) => [{ inn: { $like: `%${inn}%` } }, { phoneKey: { $like: `%${phone}%` } }];

describe('clientSearchCondition', () => {
  it.each<[string, Record<string, unknown>[]]>([
    // a name: name, full name, INN
    ['Ромашка', text('Ромашка')],
    // four digits are too few for a number: searched as text (an INN fragment, a name with a number)
    ['7707', text('7707')],
    // letters beside digits: text
    ['ООО 12345', text('ООО 12345')],
    // digits with a phone's punctuation: the INN and the phone, by the digits
    ['912 345-67', number('91234567', '91234567')],
    // a Russian number with the trunk 8 is looked for as +7
    ['8 (912) 345-67-89', number('89123456789', '79123456789')],
    ['+7 912 345 67 89', number('79123456789', '79123456789')],
    // an INN typed in full
    ['7707083893', number('7707083893', '7707083893')],
  ])('%s', (q, expected) => {
    expect(clientSearchCondition(q)).toEqual({ $or: expected });
  });

  it('nothing for a blank search', () => {
    expect(clientSearchCondition('   ')).toBeNull();
    expect(clientSearchCondition(null)).toBeNull();
  });
});
