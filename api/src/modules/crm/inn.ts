import { FieldReason, problem, type FieldProblem } from '../../shared/field-errors';

/**
 * Russian taxpayer numbers (ИНН). A company's has 10 digits with one check digit,
 * a person's 12 digits with two; each check digit is a weighted sum mod 11 mod 10.
 */
const WEIGHTS_10 = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  return (weights.reduce((sum, weight, i) => sum + weight * digits[i], 0) % 11) % 10;
}

export function isValidInn(inn: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(inn)) return false;
  const digits = [...inn].map(Number);
  if (digits.length === 10) return checkDigit(digits, WEIGHTS_10) === digits[9];
  return checkDigit(digits, WEIGHTS_11) === digits[10] && checkDigit(digits, WEIGHTS_12) === digits[11];
}

/** Completes 9 (company) or 10 (person) leading digits with their check digits. */
export function completeInn(prefix: string): string {
  if (!/^\d{9}$|^\d{10}$/.test(prefix)) throw new Error('give 9 or 10 digits');
  const digits = [...prefix].map(Number);
  if (digits.length === 9) return prefix + checkDigit(digits, WEIGHTS_10);
  const eleventh = checkDigit(digits, WEIGHTS_11);
  return prefix + eleventh + checkDigit([...digits, eleventh], WEIGHTS_12);
}

/** Why an INN is refused, or null when it fits the kind of counterparty. */
export function innProblem(inn: string, kind: 'COMPANY' | 'PERSON'): FieldProblem | null {
  if (!/^\d+$/.test(inn)) return problem(FieldReason.INN_DIGITS_ONLY, 'must contain digits only');
  if (kind === 'COMPANY' && inn.length !== 10) return problem(FieldReason.INN_LENGTH, 'a company INN has 10 digits', { length: 10, kind, enum: 'CounterpartyKind' });
  if (kind === 'PERSON' && inn.length !== 12) return problem(FieldReason.INN_LENGTH, 'a person\'s INN has 12 digits', { length: 12, kind, enum: 'CounterpartyKind' });
  return isValidInn(inn) ? null : problem(FieldReason.INN_CHECKSUM, 'check digit does not match; mistyped?');
}

export const KPP_PATTERN = /^\d{4}[\dA-Z]{2}\d{3}$/;

/** Why a KPP is refused, or null: companies only, 4 digits, 2 digits or capital letters, 3 digits. */
export function kppProblem(kpp: string, kind: 'COMPANY' | 'PERSON'): FieldProblem | null {
  if (kind !== 'COMPANY') return problem(FieldReason.KPP_COMPANY_ONLY, 'only a company has a KPP');
  return KPP_PATTERN.test(kpp) ? null : problem(FieldReason.KPP_FORMAT, 'a KPP has 9 characters: 4 digits, 2 digits or capital letters, 3 digits');
}

/** The digits each bank detail has, and how the API says so. */
export const BANK_DIGITS = {
  bik: { length: 9, message: 'a BIK has 9 digits' },
  account: { length: 20, message: 'an account number has 20 digits' },
  correspondentAccount: { length: 20, message: 'a correspondent account has 20 digits' },
} as const;

/** Why a bank detail is refused (not its number of digits), or null. */
export function bankDetailProblem(field: keyof typeof BANK_DIGITS, value: string): FieldProblem | null {
  const { length, message } = BANK_DIGITS[field];
  return new RegExp(`^\\d{${length}}$`).test(value) ? null : problem(FieldReason.DIGITS, message, { length });
}
