import { derivePrice, roundToStep } from './derive-price';

describe('roundToStep', () => {
  it.each([
    // value, step, expected (worked out by hand)
    ['1086.4128', '0.01', '1086.41'], // .4128 → .41 (the 0.28 kopeck is below half)
    ['1086.4150', '0.01', '1086.42'], // exactly half a kopeck goes up
    ['1086.4128', '1', '1086.00'], // .41 of a rouble is below half
    ['1086.5000', '1', '1087.00'], // exactly half a rouble goes up
    ['1084.99', '10', '1080.00'], // 4.99 of ten is below half
    ['1085.00', '10', '1090.00'], // exactly five goes up
    ['4.99', '10', '0.00'], // a price can round down to zero
    ['0', '1', '0.00'],
  ] as const)('%s to %s is %s', (value, step, expected) => {
    expect(roundToStep(value, step)).toBe(expected);
  });
});

describe('derivePrice', () => {
  it('wholesale = retail − 12 %, rounded to the rouble', () => {
    // 1234.56 × 0.88 = 1086.4128 → 1086
    expect(derivePrice('1234.56', '-12', '1')).toBe('1086.00');
  });

  it('dealer = wholesale − 5 %, to the kopeck, from the rounded wholesale price', () => {
    // 1086 × 0.95 = 1031.70 (not 1086.4128 × 0.95 = 1032.09: a derived type derives from the base's own price)
    expect(derivePrice('1086', '-5', '0.01')).toBe('1031.70');
  });

  it('a markup of 10 % rounded to ten roubles', () => {
    // 499.00 × 1.1 = 548.90 → 550; 1234.00 × 1.1 = 1357.40 → 1360; 45.00 × 1.1 = 49.50 → 50
    expect(derivePrice('499.00', '10', '10')).toBe('550.00');
    expect(derivePrice('1234', '10', '10')).toBe('1360.00');
    expect(derivePrice('45', '10', '10')).toBe('50.00');
  });

  it('keeps fractional percentages and big prices exact', () => {
    // 999 999 999 999.99 × 1.0125 = 1 012 499 999 999.989875 → …999.99
    expect(derivePrice('999999999999.99', '1.25', '0.01')).toBe('1012499999999.99');
    // 0.05 × 0.9 = 0.045 → 0.05 (half up), not 0.04 as a float would give
    expect(derivePrice('0.05', '-10', '0.01')).toBe('0.05');
  });

  it('zero change keeps the price, rounded to the step', () => {
    expect(derivePrice('100.555', '0', '0.01')).toBe('100.56');
    expect(derivePrice('100', '0', '1')).toBe('100.00');
  });
});
