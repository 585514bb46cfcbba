import { ChannelType, channelValue, contactKey, e164 } from './contact-channel-value';

describe('contact channel values', () => {
  test.each([
    // Russian numbers as people type them: 8 as the trunk prefix, spaces, brackets, dashes
    ['8 (912) 345-67-89', '+79123456789'],
    ['+7 912 345 67 89', '+79123456789'],
    ['89123456789', '+79123456789'],
    ['+7 (495) 123-45-67', '+74951234567'],
    // another country's number keeps its own code
    ['+49 30 901820', '+4930901820'],
  ])('the phone %s is kept as %s', (raw, expected) => {
    expect(channelValue(ChannelType.PHONE, raw)).toEqual({ ok: true, value: expected });
    expect(channelValue(ChannelType.MOBILE, raw)).toEqual({ ok: true, value: expected });
    expect(channelValue(ChannelType.WHATSAPP, raw)).toEqual({ ok: true, value: expected });
  });

  test.each(['12345', 'call me', '+7 912 345', '8 800'])('%s is not a phone number', (raw) => {
    expect(channelValue(ChannelType.PHONE, raw)).toMatchObject({ ok: false, reason: 'NOT_A_PHONE' });
    expect(e164(raw)).toBeNull();
  });

  test('an email is kept in lower case; a malformed one is refused', () => {
    expect(channelValue(ChannelType.EMAIL, '  Ivan.Petrov@Example.RU ')).toEqual({ ok: true, value: 'ivan.petrov@example.ru' });
    expect(channelValue(ChannelType.EMAIL, 'ivan@')).toMatchObject({ ok: false, reason: 'NOT_AN_EMAIL' });
    expect(channelValue(ChannelType.EMAIL, 'ivan petrov@example.ru')).toMatchObject({ ok: false, reason: 'NOT_AN_EMAIL' });
  });

  test('Telegram takes a username (kept with @) or a phone number (kept in E.164)', () => {
    expect(channelValue(ChannelType.TELEGRAM, 'ivan_petrov')).toEqual({ ok: true, value: '@ivan_petrov' });
    expect(channelValue(ChannelType.TELEGRAM, '@IvanP2024')).toEqual({ ok: true, value: '@IvanP2024' });
    expect(channelValue(ChannelType.TELEGRAM, '+7 912 345-67-89')).toEqual({ ok: true, value: '+79123456789' });
    expect(channelValue(ChannelType.TELEGRAM, '@abc')).toMatchObject({ ok: false, reason: 'FORMAT' });
    expect(channelValue(ChannelType.TELEGRAM, 'ivan petrov')).toMatchObject({ ok: false, reason: 'FORMAT' });
  });

  test('OTHER keeps the text trimmed; a blank value is refused for every type', () => {
    expect(channelValue(ChannelType.OTHER, '  skype: ivan.p ')).toEqual({ ok: true, value: 'skype: ivan.p' });
    for (const type of Object.values(ChannelType)) expect(channelValue(type, '   ')).toMatchObject({ ok: false, reason: 'REQUIRED' });
  });

  test('duplicate keys: a phone in E.164, an email in lower case, nothing for what is neither', () => {
    expect(contactKey('phone', '8 912 345-67-89')).toBe('+79123456789');
    expect(contactKey('phone', 'office')).toBeNull();
    expect(contactKey('email', 'Sales@Romashka.RU')).toBe('sales@romashka.ru');
    expect(contactKey('email', null)).toBeNull();
  });
});
