import { FieldReason } from '../../shared/field-errors';
import { priceFieldProblem, priceProblem, stepFits } from './price-list.lines';

describe('why a price cannot be a price list price', () => {
  it.each([
    ['100.5', null, null],
    ['-1', 'must not be negative', FieldReason.NEGATIVE],
    ['1.12345', 'must have at most 4 decimal places', FieldReason.DECIMAL_PLACES],
    ['1000000000000000', 'is too large', FieldReason.TOO_LARGE],
  ])('%s → %s', (price, words, reason) => {
    // the words read into a sentence ("the price computed … must not be negative"); the reason is for clients
    expect(priceProblem(price)).toBe(words);
    expect(priceFieldProblem(price)?.reason ?? null).toBe(reason);
  });
});

describe('a price fits its price type\'s rounding', () => {
  it.each([
    ['1190.60', 'ROUBLE', FieldReason.OFF_ROUNDING_STEP],
    ['1190', 'ROUBLE', null],
    ['1190.00', 'ROUBLE', null],
    ['1195', 'TEN_ROUBLES', FieldReason.OFF_ROUNDING_STEP],
    ['1190', 'TEN_ROUBLES', null],
    ['0', 'TEN_ROUBLES', null],
    ['10.5', 'KOPECK', null],
    ['10.505', 'KOPECK', FieldReason.OFF_ROUNDING_STEP],
  ])('%s on a type rounded to %s → %s', (price, rounding, reason) => {
    const refused = priceFieldProblem(price, { code: 'B', rounding: rounding as never });
    expect(refused?.reason ?? null).toBe(reason);
    if (refused) expect(refused.params).toEqual({ step: { ROUBLE: '1', TEN_ROUBLES: '10', KOPECK: '0.01' }[rounding], priceType: 'B' });
  });

  it.each([
    ['10', '1', true],
    ['1', '1', true],
    ['0.01', '1', false],
    ['1', '10', false],
    ['10', '0.01', true],
  ])('prices rounded to %s fit a type rounded to %s: %s', (step, typeStep, fits) => {
    expect(stepFits(step, typeStep)).toBe(fits);
  });
});
