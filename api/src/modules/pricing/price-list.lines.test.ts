import { FieldReason } from '../../shared/field-errors';
import { priceFieldProblem, priceProblem } from './price-list.lines';

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
