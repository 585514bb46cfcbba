import { FieldReason } from '../../shared/field-errors';
import { quantityProblem } from './unit-precision';

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
