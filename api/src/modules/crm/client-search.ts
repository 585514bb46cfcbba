import { escapeLike } from '../../shared/crud';

/** Fewer digits than this in a search are not read as a phone (an INN fragment, a house number). */
const PHONE_DIGITS = 5;

/**
 * What the clients list's `q` matches (issue 13: search by name, INN or phone): name or
 * full name or INN containing it; a number — five digits or more with nothing but a
 * phone's punctuation — is looked for in the INN and the phone (kept in E.164,
 * `phone_key`) only, its digits, a Russian trunk 8 read as 7 ("8 912 345…" finds
 * +7912345…). Every part has a trigram index.
 */
export function clientSearchCondition(q: string | null | undefined): Record<string, unknown> | null {
  const text = q?.trim();
  if (!text) return null;
  const like = `%${escapeLike(text)}%`;
  const digits = text.replace(/\D/g, '');
  if (digits.length < PHONE_DIGITS || !/^[\d\s()+\-.]+$/.test(text)) return { $or: [{ name: { $ilike: like } }, { fullName: { $ilike: like } }, { inn: { $like: like } }] };
  // a number (five digits or more, nothing but a phone's punctuation): an INN or a phone, not a name
  const national = digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
  return { $or: [{ inn: { $like: `%${digits}%` } }, { phoneKey: { $like: `%${national}%` } }] };
}
