import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { isEmail } from 'class-validator';

/** How a contact person can be reached. */
export enum ChannelType {
  PHONE = 'PHONE',
  MOBILE = 'MOBILE',
  EMAIL = 'EMAIL',
  TELEGRAM = 'TELEGRAM',
  WHATSAPP = 'WHATSAPP',
  OTHER = 'OTHER',
}

/** Channels whose value is a phone number, kept in E.164. */
export const PHONE_CHANNELS: readonly ChannelType[] = [ChannelType.PHONE, ChannelType.MOBILE, ChannelType.WHATSAPP];

/** Numbers written without a country code are read as this country's (a Russian trading company's clients). */
export const DEFAULT_PHONE_COUNTRY: CountryCode = 'RU';

export type ChannelValue = { ok: true; value: string } | { ok: false; reason: 'NOT_A_PHONE' | 'NOT_AN_EMAIL' | 'FORMAT' | 'REQUIRED'; message: string };

/** A phone number as typed (`8 (912) 345-67-89`, `+7 912 345 67 89`) in E.164 (`+79123456789`), or null when it is not a valid number. */
export function e164(raw: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), country);
  return parsed?.isValid() ? parsed.number : null;
}

const TELEGRAM_HANDLE = /^@?([A-Za-z][A-Za-z0-9_]{4,31})$/;

/**
 * A channel's value as it is kept: phones (PHONE, MOBILE, WHATSAPP) in E.164, an email in
 * lower case, a Telegram username as `@name` (or a phone number in E.164), anything else
 * trimmed. Refused with the reason when it is none of these.
 */
export function channelValue(type: ChannelType, raw: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): ChannelValue {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'REQUIRED', message: 'must not be blank' };
  if (PHONE_CHANNELS.includes(type)) {
    const number = e164(text, country);
    return number ? { ok: true, value: number } : { ok: false, reason: 'NOT_A_PHONE', message: `${text} is not a phone number (write it with the country code, e.g. +7 912 345-67-89)` };
  }
  if (type === ChannelType.EMAIL) {
    return isEmail(text) ? { ok: true, value: text.toLowerCase() } : { ok: false, reason: 'NOT_AN_EMAIL', message: `${text} is not an email address` };
  }
  if (type === ChannelType.TELEGRAM) {
    const handle = TELEGRAM_HANDLE.exec(text);
    if (handle) return { ok: true, value: `@${handle[1]}` };
    const number = /^[+\d(]/.test(text) ? e164(text, country) : null;
    return number ? { ok: true, value: number } : { ok: false, reason: 'FORMAT', message: `${text} is neither a Telegram username (@name, 5 to 32 letters, digits or _) nor a phone number` };
  }
  return { ok: true, value: text };
}

/** The key duplicates are found by: a phone in E.164, an email in lower case; null for what is neither. */
export function contactKey(kind: 'phone' | 'email', raw: string | null | undefined): string | null {
  if (!raw?.trim()) return null;
  if (kind === 'phone') return e164(raw);
  return isEmail(raw.trim()) ? raw.trim().toLowerCase() : null;
}
