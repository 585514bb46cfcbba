import { escapeLike } from '../../shared/crud';

/** Fewer digits than this in a search are not read as a phone (an INN fragment, a house number). */
const PHONE_DIGITS = 5;

/**
 * What the clients list's `q` matches (issue 13: search by name, INN or phone): name or
 * full name containing it, the INN containing it, and — when it holds at least five
 * digits — a phone (kept in E.164, `phone_key`) containing those digits, a Russian
 * trunk 8 read as 7 ("8 912 345…" finds +7912345…). Every part has a trigram index.
 */
export function clientSearchCondition(q: string | null | undefined): Record<string, unknown> | null {
  const text = q?.trim();
  if (!text) return null;
  const like = `%${escapeLike(text)}%`;
  const or: Record<string, unknown>[] = [{ name: { $ilike: like } }, { fullName: { $ilike: like } }, { inn: { $like: like } }];
  const digits = text.replace(/\D/g, '');
  if (digits.length >= PHONE_DIGITS && /^[\d\s()+\-.]+$/.test(text)) {
    const national = digits.length === 11 && digits.startsWith('8') ? `7${digits.slice(1)}` : digits;
    or.push({ phoneKey: { $like: `%${national}%` } });
  }
  return { $or: or };
}
