import { countDifference } from './countDifference';

describe('the difference a count line shows as it is typed', () => {
  it.each([
    ['a shortage', '10', '8', '-2'],
    ['a surplus, exactly in decimals', '0.1', '0.3', '0.2'],
    ['none', '12.5', '12.500', '0'],
    ['nothing counted yet', '10', '', null],
    ['not a number', '10', 'abc', null],
    ['a line without a book quantity yet', null, '3', null],
  ])('%s: book %s, counted %s → %s', (_, bookQuantity, countedQuantity, expected) => {
    expect(countDifference({ bookQuantity, countedQuantity })).toBe(expected);
  });
});
