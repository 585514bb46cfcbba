import { partsToRestore, type TakenPart } from './restore-parts';

// a line that took 10 @ 100.00 from lot A, then 5 @ 120.00 from lot B, then 3 by 33.33… from lot C (100.00 for 3)
const line: TakenPart[] = [
  { lotId: 'A', quantity: '10', cost: '1000.00' },
  { lotId: 'B', quantity: '5', cost: '600.00' },
  { lotId: 'C', quantity: '3', cost: '100.00' },
];

describe('partsToRestore: what a return of part of a line brings back', () => {
  it.each([
    // case, already returned, returned now, expected parts
    ['the last part taken comes back first', '0', '2', [{ lotId: 'C', quantity: '2', cost: '66.67' }]],
    ['then the rest of it: together exactly its cost', '2', '1', [{ lotId: 'C', quantity: '1', cost: '33.33' }]],
    ['a return across parts: all of C, 4 of B', '0', '7', [{ lotId: 'C', quantity: '3', cost: '100.00' }, { lotId: 'B', quantity: '4', cost: '480.00' }]],
    ['after 7 back, 1 more: the last of B', '7', '1', [{ lotId: 'B', quantity: '1', cost: '120.00' }]],
    ['everything at once gives back the whole cost', '0', '18', [{ lotId: 'C', quantity: '3', cost: '100.00' }, { lotId: 'B', quantity: '5', cost: '600.00' }, { lotId: 'A', quantity: '10', cost: '1000.00' }]],
    ['the last unit of all', '17', '1', [{ lotId: 'A', quantity: '1', cost: '100.00' }]],
    ['nothing', '3', '0', []],
    ['fractions', '0', '1.5', [{ lotId: 'C', quantity: '1.5', cost: '50.00' }]],
  ] as const)('%s', (_case, already, now, expected) => {
    expect(partsToRestore(line, already, now)).toEqual(expected);
  });

  it('1 + 1 + 1 of C come back as 33.33 + 33.34 + 33.33 = 100.00, the kopeck where the rounding puts it', () => {
    const costs = ['0', '1', '2'].map((already) => partsToRestore(line, already, '1')[0].cost);
    expect(costs).toEqual(['33.33', '33.34', '33.33']);
  });

  it('a part taken without a lot (negative stock) is the last taken, so it comes back first', () => {
    const withShortfall: TakenPart[] = [...line, { lotId: null, quantity: '2', cost: '200.00' }];
    expect(partsToRestore(withShortfall, '0', '3')).toEqual([{ lotId: null, quantity: '2', cost: '200.00' }, { lotId: 'C', quantity: '1', cost: '33.33' }]);
  });

  it.each([['0', '19'], ['17', '2'], ['-1', '1']])('refuses to bring back more than was taken and not yet returned (%s back, %s asked)', (already, now) => {
    expect(() => partsToRestore(line, already, now)).toThrow(RangeError);
  });
});
