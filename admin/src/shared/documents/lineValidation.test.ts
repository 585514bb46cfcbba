import { dropEmptyLines, requiredInUsedLine } from './lineValidation';

describe('the empty line at the end of a document', () => {
  const lines = [{ productId: 'p1', quantity: '2', vatRate: '22' }, { productId: null, quantity: '', unitCost: '', vatRate: '' }, { productId: null, quantity: '3' }];

  it('is left out when saved; a line with anything typed stays', () => {
    expect(dropEmptyLines({ date: '2026-01-01', lines })).toEqual({ date: '2026-01-01', lines: [lines[0], lines[2]] });
  });

  it.each([
    ['a used line\'s missing product', 'lines.2.productId', null, 'ra.validation.required'],
    ['a used line\'s quantity', 'lines.0.quantity', '2', undefined],
    ['the empty line\'s product', 'lines.1.productId', null, undefined],
  ])('requires %s only where the line is used', (_, source, value, expected) => {
    expect(requiredInUsedLine(value, { lines }, { source } as never)).toBe(expected);
  });
});
