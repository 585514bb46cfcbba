import { decimal, isDecimal, isLocalDate, localDate } from './scalars';

describe('decimal', () => {
  it.each([
    // given what a portal has          then the Decimal it sends
    ['12.50', '12.50'], // as written: the trailing zero stays
    ['-0.0001', '-0.0001'],
    ['0', '0'],
    ['999999999999999.9999', '999999999999999.9999'], // 15 digits before the point, the most numeric(19,4) holds
    ['000123.4', '000123.4'], // leading zeros do not count towards the 15
    [12, '12'],
    [-7, '-7'],
    [123n, '123'],
    [{ toFixed: () => '3.14' }, '3.14'], // a decimal.js / big.js value
  ] as const)('takes %p as %p', (value, expected) => {
    expect(decimal(value)).toBe(expected);
  });

  it.each([
    ['1e5', 'an exponent'],
    ['12,50', 'a decimal comma'],
    [' 12.50', 'a space'],
    ['.5', 'no digit before the point'],
    ['5.', 'no digit after the point'],
    ['1234567890123456', '16 digits before the point'],
    ['', 'nothing'],
    ['NaN', 'a word'],
  ])('refuses %p (%s) with a RangeError naming it', (value) => {
    expect(() => decimal(value)).toThrow(new RangeError(`decimal(): ${JSON.stringify(value)} is not a decimal number such as "1234.50" with at most 15 digits before the point`));
  });

  it('refuses a number with a fraction, which may already have lost digits', () => {
    expect(() => decimal(0.1 + 0.2)).toThrow('decimal(): 0.30000000000000004 is not a whole number JavaScript holds exactly; write it as a string, e.g. "12.50"');
    expect(() => decimal(2 ** 53)).toThrow(RangeError);
    // and a bigint past 15 digits like its string
    expect(() => decimal(1234567890123456n)).toThrow('decimal(): "1234567890123456" is not a decimal number');
  });

  it('tells a Decimal from anything else', () => {
    expect([isDecimal('1.5'), isDecimal(1.5), isDecimal('1.5.5'), isDecimal(null)]).toEqual([true, false, false, false]);
  });
});

describe('localDate', () => {
  it.each([
    ['2026-12-01', true],
    ['2028-02-29', true], // a leap year
    ['2026-02-29', false], // not one
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['0099-01-01', true], // a year before 100 is not read as 19xx
    ['2026-12-01T00:00:00Z', false],
  ])('%s exists: %p', (value, exists) => {
    expect(isLocalDate(value)).toBe(exists);
    if (exists) expect(localDate(value)).toBe(value);
    else expect(() => localDate(value)).toThrow(new RangeError(`localDate(): ${JSON.stringify(value)} is not a date that exists, written YYYY-MM-DD`));
  });

  it('takes a Date as its day on this machine\'s calendar', () => {
    // given 1 December 2026, 00:30 local time (in any time zone still 1 December here)
    expect(localDate(new Date(2026, 11, 1, 0, 30))).toBe('2026-12-01');
    expect(() => localDate(new Date('nonsense'))).toThrow('localDate(): the Date is invalid');
  });
});
