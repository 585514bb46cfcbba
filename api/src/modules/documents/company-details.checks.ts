import { FieldReason, problem, type FieldMessages, type FieldProblem } from '../../shared/field-errors';
import { bankDetailProblem, innProblem, kppProblem } from '../crm/inn';

/** The largest image a form embeds (a logo, a stamp, a signature), in bytes of the decoded file. */
export const MAX_IMAGE_BYTES = 256 * 1024;
export const MAX_TEXT_LENGTH = 500;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);
const IMAGE_DATA_URL = /^data:image\/(png|jpeg);base64,([A-Za-z0-9+/]+={0,2})$/;

/**
 * ОГРН: 13 digits, the last = (first 12 mod 11) mod 10; ОГРНИП (a sole trader): 15 digits,
 * the last = (first 14 mod 13) mod 10.
 */
export function ogrnProblem(ogrn: string): FieldProblem | null {
  if (!/^\d{13}$|^\d{15}$/.test(ogrn)) return problem(FieldReason.FORMAT, 'an OGRN has 13 digits (15 for a sole trader)');
  const body = BigInt(ogrn.slice(0, -1));
  const check = Number((body % (ogrn.length === 13 ? 11n : 13n)) % 10n);
  return check === Number(ogrn.at(-1)) ? null : problem(FieldReason.FORMAT, 'the OGRN check digit does not match; mistyped?');
}

/** A PNG or JPEG as a base64 data URL of at most MAX_IMAGE_BYTES, else why not. */
export function imageProblem(dataUrl: string): FieldProblem | null {
  const match = IMAGE_DATA_URL.exec(dataUrl);
  if (!match) return problem(FieldReason.FORMAT, 'must be a PNG or JPEG image as a base64 data URL (data:image/png;base64,…)');
  const bytes = Math.floor((match[2].length * 3) / 4) - (match[2].endsWith('==') ? 2 : match[2].endsWith('=') ? 1 : 0);
  if (bytes > MAX_IMAGE_BYTES) return problem(FieldReason.TOO_LARGE, `must be at most ${MAX_IMAGE_BYTES / 1024} KB`, { max: MAX_IMAGE_BYTES });
  const head = Buffer.from(match[2].slice(0, 12), 'base64');
  const signature = match[1] === 'png' ? PNG_SIGNATURE : JPEG_SIGNATURE;
  return head.subarray(0, signature.length).equals(signature) ? null : problem(FieldReason.FORMAT, `is not a ${match[1].toUpperCase()} file`);
}

export interface CompanyIdentifiers {
  inn?: string | null;
  kpp?: string | null;
  ogrn?: string | null;
  bik?: string | null;
  correspondentAccount?: string | null;
  account?: string | null;
}

/**
 * The identifiers as they will be stored: an INN of 10 digits (a company) or 12 (a sole
 * trader) with its check digits, a KPP for a company only, an OGRN with its check digit,
 * a 9-digit BIK and 20-digit accounts. Messages go under the field's name.
 */
export function checkCompanyIdentifiers(details: CompanyIdentifiers, fields: FieldMessages): void {
  const kind = details.inn?.length === 12 ? 'PERSON' : 'COMPANY';
  const found: [keyof CompanyIdentifiers, FieldProblem | null][] = [
    ['inn', details.inn ? innProblem(details.inn, kind) : null],
    ['kpp', details.kpp ? kppProblem(details.kpp, kind) : null],
    ['ogrn', details.ogrn ? ogrnProblem(details.ogrn) : null],
    ['bik', details.bik ? bankDetailProblem('bik', details.bik) : null],
    ['correspondentAccount', details.correspondentAccount ? bankDetailProblem('correspondentAccount', details.correspondentAccount) : null],
    ['account', details.account ? bankDetailProblem('account', details.account) : null],
  ];
  for (const [field, refused] of found) if (refused) fields[field] = refused;
}
