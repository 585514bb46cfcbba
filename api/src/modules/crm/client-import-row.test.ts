import { ClientImportField as F } from './client-import.inputs';
import { readRow, type RowLookups } from './client-import-row';
import { ClientReferenceKind } from './client-reference.entity';
import { completeInn } from './inn';

const COLUMNS = [F.NAME, F.INN, F.KPP, F.PHONE, F.EMAIL, F.STATUS, F.REGION, F.SEGMENT, F.TAGS, F.OWNER, F.CONTACT_NAME, F.CONTACT_PHONE, F.CONTACT_EMAIL];
const mapping = new Map(COLUMNS.map((field, i) => [field, i + 1]));
const lookups: RowLookups = {
  references: new Map([
    [ClientReferenceKind.REGION, new Map([['москва', { id: 'r1', name: 'Москва', active: true }], ['тула', { id: 'r2', name: 'Тула', active: false }]])],
    [ClientReferenceKind.SEGMENT, new Map([['дилеры', { id: 's1', name: 'Дилеры', active: true, movesPrices: true }]])],
  ]),
  users: new Map([['anna@x.ru', { id: 'u1', name: 'Анна', active: true }], ['old@x.ru', { id: 'u2', name: 'Старый', active: false }]]),
  ownOnly: null,
  mayChoosePrices: false,
};
const COMPANY = completeInn('770200001');
const PERSON = completeInn('7702000012');

/** A row from the cells given by field. */
const row = (cells: Partial<Record<F, string>>) => COLUMNS.map((field) => cells[field] ?? '');
const refused = (cells: Partial<Record<F, string>>, more: Partial<RowLookups> = {}) => Object.fromEntries(Object.entries(readRow(row(cells), mapping, { ...lookups, ...more }).problems).map(([field, p]) => [field, p.reason]));

describe('reading a row of a client import', () => {
  it('keeps what the cells say, normalised: E.164 phones, lower-case emails, references by name, tags once', () => {
    const { draft, problems } = readRow(row({ [F.NAME]: ' Ромашка ', [F.INN]: COMPANY, [F.PHONE]: '8 (912) 345-67-89', [F.EMAIL]: 'Info@Romashka.RU', [F.STATUS]: 'customer', [F.REGION]: 'МОСКВА', [F.TAGS]: 'vip, опт; VIP', [F.OWNER]: 'Anna@x.ru', [F.CONTACT_NAME]: 'Иван', [F.CONTACT_PHONE]: '+7 912 345-67-80' }), mapping, lookups);
    expect(problems).toEqual({});
    expect(draft).toEqual({
      kind: 'COMPANY', name: 'Ромашка', inn: COMPANY, phone: { text: '8 (912) 345-67-89', key: '+79123456789' }, email: 'info@romashka.ru', status: 'CUSTOMER',
      references: { region: 'r1' }, tags: ['vip', 'опт'], ownerId: 'u1', contact: { name: 'Иван', phone: '+79123456780' },
    });
    expect(readRow(row({ [F.NAME]: 'ИП Иванов', [F.INN]: PERSON }), mapping, lookups).draft).toMatchObject({ kind: 'PERSON', inn: PERSON });
  });

  it.each([
    ['no name', { [F.INN]: COMPANY }, {}, { name: 'REQUIRED' }],
    ['a mistyped INN', { [F.NAME]: 'A', [F.INN]: '7707083890' }, {}, { inn: 'INN_CHECKSUM' }],
    ['an INN of letters', { [F.NAME]: 'A', [F.INN]: '77O7083893' }, {}, { inn: 'INN_DIGITS_ONLY' }],
    ["a KPP for a person", { [F.NAME]: 'A', [F.INN]: PERSON, [F.KPP]: '770101001' }, {}, { kpp: 'KPP_COMPANY_ONLY' }],
    ['a phone that is none', { [F.NAME]: 'A', [F.PHONE]: '12345' }, {}, { phone: 'NOT_A_PHONE' }],
    ['an email that is none', { [F.NAME]: 'A', [F.EMAIL]: 'ivan@' }, {}, { email: 'NOT_AN_EMAIL' }],
    ['LOST (no reason column) or an unknown status', { [F.NAME]: 'A', [F.STATUS]: 'LOST' }, {}, { status: 'NOT_ONE_OF' }],
    ['an unknown region', { [F.NAME]: 'A', [F.REGION]: 'Атлантида' }, {}, { region: 'NOT_FOUND' }],
    ['a region no longer used', { [F.NAME]: 'A', [F.REGION]: 'Тула' }, {}, { region: 'INACTIVE' }],
    ['a segment with a price type, for a caller who may not choose prices', { [F.NAME]: 'A', [F.SEGMENT]: 'Дилеры' }, {}, { segment: 'INVALID' }],
    ['an unknown owner', { [F.NAME]: 'A', [F.OWNER]: 'who@x.ru' }, {}, { owner: 'NOT_FOUND' }],
    ['an inactive owner', { [F.NAME]: 'A', [F.OWNER]: 'old@x.ru' }, {}, { owner: 'INACTIVE' }],
    ["another owner in a manager's file", { [F.NAME]: 'A', [F.OWNER]: 'anna@x.ru' }, { ownOnly: 'u9' }, { owner: 'INVALID' }],
    ['a contact without a name, with a bad email', { [F.NAME]: 'A', [F.CONTACT_EMAIL]: 'x' }, {}, { contactName: 'REQUIRED', contactEmail: 'NOT_AN_EMAIL' }],
  ])('refuses %s on its field', (_, cells, more, expected) => {
    expect(refused(cells, more)).toEqual(expected);
  });
});
