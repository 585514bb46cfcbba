import { allocateReservation, type ReservedPart, type WarehouseStock } from './reservation-allocation';

const free = (...pairs: [string, string][]): WarehouseStock[] => pairs.map(([warehouseId, available]) => ({ warehouseId, available }));
const parts = (...pairs: [string, string][]): ReservedPart[] => pairs.map(([warehouseId, quantity]) => ({ warehouseId, quantity }));

describe('allocateReservation', () => {
  it.each([
    // case, target, held, priority (free per warehouse), changes, uncovered
    ['all from the order\'s warehouse', '5', [], free(['MAIN', '10'], ['NORTH', '10']), parts(['MAIN', '5']), '0'],
    ['exactly what is free', '10', [], free(['MAIN', '10']), parts(['MAIN', '10']), '0'],
    ['split: MAIN gives 4, NORTH the other 3', '7', [], free(['MAIN', '4'], ['NORTH', '10']), parts(['MAIN', '4'], ['NORTH', '3']), '0'],
    ['split over three, in priority order', '9', [], free(['MAIN', '2'], ['NORTH', '3'], ['SOUTH', '10']), parts(['MAIN', '2'], ['NORTH', '3'], ['SOUTH', '4']), '0'],
    ['a warehouse with nothing free is skipped', '3', [], free(['MAIN', '0'], ['NORTH', '3']), parts(['NORTH', '3']), '0'],
    ['a negative balance gives nothing', '3', [], free(['MAIN', '-2'], ['NORTH', '1']), parts(['NORTH', '1']), '2'],
    ['not enough anywhere: the rest is uncovered', '12', [], free(['MAIN', '4'], ['NORTH', '5']), parts(['MAIN', '4'], ['NORTH', '5']), '3'],
    ['nothing anywhere', '2', [], free(['MAIN', '0']), [], '2'],
    ['no warehouse to draw from', '2', [], [], [], '2'],
    ['fractions (kg)', '2.5', [], free(['MAIN', '1.25'], ['NORTH', '5']), parts(['MAIN', '1.25'], ['NORTH', '1.25']), '0'],
    ['held already covers it: nothing changes', '5', parts(['MAIN', '5']), free(['MAIN', '0']), [], '0'],
    ['an edit up by 3 reserves only the 3', '8', parts(['MAIN', '5']), free(['MAIN', '2'], ['NORTH', '9']), parts(['MAIN', '2'], ['NORTH', '1']), '0'],
    ['an edit down releases from the least preferred warehouse first', '4', parts(['MAIN', '4'], ['NORTH', '3']), free(['MAIN', '0'], ['NORTH', '0']), parts(['NORTH', '-3']), '0'],
    ['an edit down past the last warehouse reaches the first', '2', parts(['MAIN', '4'], ['NORTH', '3']), free(['MAIN', '0'], ['NORTH', '0']), parts(['NORTH', '-3'], ['MAIN', '-2']), '0'],
    ['to zero: everything released', '0', parts(['MAIN', '4'], ['NORTH', '3']), free(['MAIN', '0'], ['NORTH', '0']), parts(['NORTH', '-3'], ['MAIN', '-4']), '0'],
    ['a warehouse no longer in the priority list is released first', '4', parts(['MAIN', '4'], ['OLD', '1']), free(['MAIN', '0']), parts(['OLD', '-1']), '0'],
  ])('%s', (_case, target, held, priority, changes, uncovered) => {
    expect(allocateReservation(target, held, priority)).toEqual({ changes, uncovered });
  });
});
