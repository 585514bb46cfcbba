import { FieldReason } from '../../shared/field-errors';
import { heldQuantitiesProblem, quantityProblem } from './unit-precision';

const pcs = { code: 'pcs', precision: 0 };
const m = { code: 'm', precision: 2 };
const kg = { code: 'kg', precision: 3 };

describe('a quantity and its unit', () => {
  it.each([
    // quantity, unit, refused with (null: fits)
    ['2', pcs, null],
    ['2.000', pcs, null],
    ['1000000', pcs, null],
    ['2.5', pcs, { places: 0, message: 'pcs is counted in whole units' }],
    ['0.001', pcs, { places: 0, message: 'pcs is counted in whole units' }],
    ['1.25', m, null],
    ['1.250', m, null],
    ['1.255', m, { places: 2, message: 'at most 2 decimal places for m' }],
    ['2.125', kg, null],
    ['0.001', kg, null],
    ['2.1255', kg, { places: 3, message: 'at most 3 decimal places for kg' }],
    ['0', pcs, null],
  ])('%s %o → %o', (quantity, unit, refused) => {
    expect(quantityProblem(quantity, unit)).toEqual(refused && { reason: FieldReason.DECIMAL_PLACES, message: refused.message, params: { places: refused.places, unit: unit.code } });
  });
});

describe('quantities held finer than a unit would count', () => {
  it.each([
    // held per area, unit about to count, refused with params (null: nothing held finer)
    [[], pcs, null],
    [[{ lines: 0, products: 0 }], pcs, null],
    [[{ lines: 2, products: 1 }], pcs, { places: 0, lines: 2, products: 1, unit: 'pcs' }],
    [[{ lines: 2, products: 1 }, { lines: 3, products: 2 }], m, { places: 2, lines: 5, products: 3, unit: 'm' }],
    // a balance without a line of its own still counts
    [[{ lines: 0, products: 1 }], kg, { places: 3, lines: 0, products: 1, unit: 'kg' }],
  ])('%o in %o → %o', (held, unit, params) => {
    const refused = heldQuantitiesProblem(held, unit);
    expect(refused && { reason: refused.reason, params: refused.params }).toEqual(params && { reason: FieldReason.FINER_QUANTITIES_HELD, params });
  });

  it('says how many and why', () => {
    expect(heldQuantitiesProblem([{ lines: 2, products: 1 }], pcs)?.message).toBe('2 document line(s) of 1 product(s) have quantities with more than 0 decimal places, which pcs would not count; correct them first');
  });
});
