import { Kind } from 'graphql';
import { DecimalScalar } from './decimal.scalar';
import { Decimal, fitsColumn, MAX_MONEY, MAX_QUANTITY, roundMoney, sumOf, vatOn } from './money';

describe('money', () => {
  it.each([
    ['1.005', '1.01'],
    ['1.004', '1.00'],
    ['-1.005', '-1.01'],
    ['0', '0.00'],
    ['999999999999999.995', '1000000000000000.00'],
  ])('roundMoney(%s) = %s (half up, away from zero)', (value, expected) => {
    expect(roundMoney(value)).toBe(expected);
  });

  it.each([
    ['1000.00', '22', '220.00'],
    ['99.99', '10', '10.00'],
    ['0.05', '22', '0.01'],
    ['0.02', '22', '0.00'],
    ['123.45', '0', '0.00'],
  ])('vatOn(%s, %s %%) = %s', (amount, rate, expected) => {
    expect(vatOn(amount, rate)).toBe(expected);
  });

  it('sums many amounts without losing a kopeck', () => {
    const amounts = Array.from({ length: 1000 }, () => '999999999999999.9999');
    expect(sumOf(amounts).toFixed()).toBe('999999999999999999.9');
  });

  it('multiplies the largest quantity by the largest money amount exactly: (10^15 − 0.001)(10^15 − 0.0001) = 10^30 − 1.1·10^12 + 10^−7', () => {
    expect(MAX_QUANTITY.mul(MAX_MONEY).toFixed()).toBe('999999999999999998900000000000.0000001');
  });

  it.each([
    ['999999999999999.9999', MAX_MONEY, 4, true],
    ['1000000000000000', MAX_MONEY, 4, false],
    ['1.23456', MAX_MONEY, 4, false],
    ['-999999999999999.999', MAX_QUANTITY, 3, true],
  ])('fitsColumn(%s) = %s', (value, max, scale, expected) => {
    expect(fitsColumn(value, max as Decimal, scale as number)).toBe(expected);
  });
});

describe('the Decimal scalar', () => {
  it.each([
    ['"1234.50"', '1234.5'],
    ['12', '12'],
    ['" 7 "', '7'],
  ])('takes %s from variables', (json, expected) => {
    expect(DecimalScalar.parseValue(JSON.parse(json))).toBe(expected);
  });

  it.each([['12.3'], ['0.1'], ['9007199254740993']])('refuses the JSON number %s: floats may have lost digits', (json) => {
    expect(() => DecimalScalar.parseValue(JSON.parse(json))).toThrow(/written as a string/);
  });

  it.each([['"abc"'], ['"1,5"'], ['true'], ['"1e5"']])('refuses %s', (json) => {
    expect(() => DecimalScalar.parseValue(JSON.parse(json))).toThrow(/Decimal must be/);
  });

  it('refuses a FLOAT literal and takes an INT literal exactly, up to 15 digits', () => {
    expect(() => DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '1.5' })).toThrow(/written as a string/);
    expect(DecimalScalar.parseLiteral({ kind: Kind.INT, value: '999999999999999' })).toBe('999999999999999');
  });
});
