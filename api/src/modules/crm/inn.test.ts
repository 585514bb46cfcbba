import { FieldReason } from '../../shared/field-errors';
import { bankDetailProblem, completeInn, innProblem, isValidInn, kppProblem } from './inn';

describe('INN checksum', () => {
  it.each([
    // inn, valid — real published INNs and their one-digit typos
    ['7707083893', true], // Sberbank
    ['7736207543', true], // Yandex
    ['7707083894', false],
    ['7736207534', false],
    ['500100732259', true], // a valid personal INN
    ['500100732258', false],
    ['500100732269', false],
    ['770708389', false],
    ['77070838931', false],
    ['77070838a3', false],
  ])('%s → %s', (inn, valid) => {
    expect(isValidInn(inn)).toBe(valid);
  });

  it.each([
    ['770708389', '7707083893'],
    ['773620754', '7736207543'],
    ['5001007322', '500100732259'],
  ])('completes %s to %s', (prefix, inn) => {
    expect(completeInn(prefix)).toBe(inn);
  });

  it.each([
    ['7707083893', 'COMPANY', null],
    ['500100732259', 'PERSON', null],
    ['500100732259', 'COMPANY', { reason: FieldReason.INN_LENGTH, message: 'a company INN has 10 digits', params: { length: 10, kind: 'COMPANY', enum: 'CounterpartyKind' } }],
    ['7707083893', 'PERSON', { reason: FieldReason.INN_LENGTH, message: "a person's INN has 12 digits", params: { length: 12, kind: 'PERSON', enum: 'CounterpartyKind' } }],
    ['7707083894', 'COMPANY', { reason: FieldReason.INN_CHECKSUM, message: 'check digit does not match; mistyped?' }],
    ['77-0708389', 'COMPANY', { reason: FieldReason.INN_DIGITS_ONLY, message: 'must contain digits only' }],
  ] as const)('%s as %s → %j', (inn, kind, problem) => {
    expect(innProblem(inn, kind)).toEqual(problem);
  });
});

describe('KPP and bank details', () => {
  it.each([
    ['770701001', 'COMPANY', null],
    ['7707AB001', 'COMPANY', null],
    ['770701001', 'PERSON', FieldReason.KPP_COMPANY_ONLY],
    ['77070100', 'COMPANY', FieldReason.KPP_FORMAT],
    ['7707ab001', 'COMPANY', FieldReason.KPP_FORMAT],
  ] as const)('KPP %s of a %s → %s', (kpp, kind, reason) => {
    expect(kppProblem(kpp, kind)?.reason ?? null).toBe(reason);
  });

  it.each([
    ['bik', '044525225', null],
    ['bik', '04452522', { reason: FieldReason.DIGITS, message: 'a BIK has 9 digits', params: { length: 9 } }],
    ['account', '40702810900000000001', null],
    ['account', '4070281090000000000A', { reason: FieldReason.DIGITS, message: 'an account number has 20 digits', params: { length: 20 } }],
    ['correspondentAccount', '3010181040000000022', { reason: FieldReason.DIGITS, message: 'a correspondent account has 20 digits', params: { length: 20 } }],
  ] as const)('%s %s → %j', (field, value, problem) => {
    expect(bankDetailProblem(field, value)).toEqual(problem);
  });
});
