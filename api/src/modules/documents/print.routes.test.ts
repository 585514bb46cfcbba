import { contentDisposition } from './print.routes';

describe('the file name a print is saved under', () => {
  it.each([
    ['RC-2026-000001.pdf', 'inline; filename="RC-2026-000001.pdf"'],
    ['price-list-ОПТ.xlsx', `inline; filename="price-list-___.xlsx"; filename*=UTF-8''price-list-%D0%9E%D0%9F%D0%A2.xlsx`],
    ['a"b\\c.pdf', `inline; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`],
  ])('%s → %s', (name, header) => {
    expect(contentDisposition(name)).toBe(header);
  });
});
