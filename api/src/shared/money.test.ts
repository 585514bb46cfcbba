import { Kind } from 'graphql';
import { DecimalScalar, MoneyScalar, PriceScalar } from './decimal.scalar';
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

describe('how decimals are written', () => {
  it.each([
    // quantities, percents and rates: the shortest form
    [DecimalScalar, '2.500', '2.5'],
    [DecimalScalar, '10.000', '10'],
    [DecimalScalar, '-0', '0'],
    [DecimalScalar, '0.001', '0.001'],
    // money: exactly 2 places, half up (away from zero) past the kopeck, never "-0.00"
    [MoneyScalar, '9482', '9482.00'],
    [MoneyScalar, '18', '18.00'],
    [MoneyScalar, '12.5000', '12.50'],
    [MoneyScalar, '-15.3', '-15.30'],
    [MoneyScalar, '0', '0.00'],
    [MoneyScalar, '1.005', '1.01'],
    [MoneyScalar, '-1.005', '-1.01'],
    [MoneyScalar, '1.0049', '1.00'],
    [MoneyScalar, '-0.004', '0.00'],
    [MoneyScalar, '999999999999999.9999', '1000000000000000.00'],
    // prices and unit costs: at least 2 places, up to 4
    [PriceScalar, '1250.5', '1250.50'],
    [PriceScalar, '1250.5000', '1250.50'],
    [PriceScalar, '10', '10.00'],
    [PriceScalar, '10.3333', '10.3333'],
    [PriceScalar, '10.333', '10.333'],
    [PriceScalar, '0', '0.00'],
    [PriceScalar, '-2.1', '-2.10'],
    [PriceScalar, '33.33335', '33.3334'],
    [PriceScalar, '-0.00004', '0.00'],
  ])('%s writes %s as %s', (scalar, stored, written) => {
    expect(scalar.serialize(stored)).toBe(written);
  });

  it('writes a Decimal (decimal.js) and a whole number as it writes their text', () => {
    expect(MoneyScalar.serialize(new Decimal('7.1'))).toBe('7.10');
    expect(PriceScalar.serialize(3)).toBe('3.00');
    expect(DecimalScalar.serialize(new Decimal('4.50'))).toBe('4.5');
  });

  it.each([[MoneyScalar], [PriceScalar]])('%s reads its input as Decimal does, naming itself in a refusal', (scalar) => {
    expect(scalar.parseValue('1234.50')).toBe('1234.5');
    expect(scalar.parseLiteral({ kind: Kind.INT, value: '12' })).toBe('12');
    expect(() => scalar.parseValue(1.5)).toThrow(new RegExp(`^${scalar.name} must be written as a string`));
    expect(() => scalar.parseValue('abc')).toThrow(new RegExp(`^${scalar.name} must be a decimal number`));
  });
});
