import { Decimal, type DecimalValue } from '../../shared/money';

/** What the payee's bank needs to take a payment (ГОСТ Р 56042-2014, the ST00012 standard of payment QR codes). */
export interface PaymentQrFields {
  /** The payee's legal name. */
  name: string;
  /** Its settlement account, 20 digits. */
  personalAcc: string;
  bankName: string;
  /** БИК, 9 digits. */
  bic: string;
  /** Correspondent account, 20 digits (may be empty for the Bank of Russia's own accounts). */
  correspAcc?: string | null;
  payeeInn?: string | null;
  kpp?: string | null;
  /** Назначение платежа: what the payment is for, e.g. «Оплата по счёту № IN-2026-000001 от 15.03.2026, в т.ч. НДС 22 %». */
  purpose: string;
  /** In roubles; written in kopecks. */
  sum: DecimalValue;
}

/** The separator of ST00012 fields; a value may not hold it. */
const SEPARATOR = '|';

/** A value as a field holds it: no separator, no line breaks, single spaces, trimmed. */
const clean = (value: string) => value.replace(/[|\r\n\t]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The text of the payment QR code of an invoice: «ST00012|Name=…|PersonalAcc=…|BankName=…|BIC=…|
 * CorrespAcc=…|PayeeINN=…|KPP=…|Purpose=…|Sum=<kopecks>». ST0001 is the format, 2 says UTF-8;
 * the five required fields first in the standard's order, then the optional ones. Null when a
 * required detail of the company is missing: a code that a bank would refuse is not printed.
 */
export function paymentQrText(fields: PaymentQrFields): string | null {
  const required: [string, string | null | undefined][] = [
    ['Name', fields.name],
    ['PersonalAcc', fields.personalAcc],
    ['BankName', fields.bankName],
    ['BIC', fields.bic],
    ['CorrespAcc', fields.correspAcc || '0'],
  ];
  if (required.some(([, value]) => !value || !clean(value))) return null;
  const kopecks = new Decimal(fields.sum).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  if (kopecks.isNegative()) return null;
  const optional: [string, string | null | undefined][] = [
    ['PayeeINN', fields.payeeInn],
    ['KPP', fields.kpp],
    ['Purpose', fields.purpose],
    ['Sum', kopecks.toFixed(0)],
  ];
  const parts = [...required, ...optional.filter(([, value]) => value && clean(value))].map(([key, value]) => `${key}=${clean(value!)}`);
  return ['ST00012', ...parts].join(SEPARATOR);
}
