import { pages } from './pages';

/** A list of `total` letters served `perPage` at a time, counting the pages asked for. */
function letters(total: number, perPage: number) {
  const all = 'abcdefghijklmnopqrstuvwxyz'.slice(0, total).split('');
  const asked: number[] = [];
  const fetchPage = async (page: number) => {
    asked.push(page);
    return { list: { items: all.slice((page - 1) * perPage, page * perPage), total } };
  };
  return { fetchPage, asked };
}

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

describe('pages', () => {
  it.each([
    // total, perPage → pages asked: 5 items by 2 are pages 1, 2, 3; by 5 one full page; none: one empty page
    [5, 2, [1, 2, 3]],
    [5, 5, [1]],
    [6, 3, [1, 2]],
    [0, 10, [1]],
  ])('yields all %i items at %i a page, asking for pages %p', async (total, perPage, expectedPages) => {
    const { fetchPage, asked } = letters(total, perPage);
    expect((await collect(pages(fetchPage, (r) => r.list))).join('')).toBe('abcdefghijklmnopqrstuvwxyz'.slice(0, total));
    expect(asked).toEqual(expectedPages);
  });

  it('asks for the next page only when the loop gets there', async () => {
    const { fetchPage, asked } = letters(6, 2);
    for await (const letter of pages(fetchPage, (r) => r.list)) if (letter === 'c') break;
    expect(asked).toEqual([1, 2]);
  });

  it('stops at an empty page even when the total said more (records removed meanwhile)', async () => {
    const asked: number[] = [];
    const shrinking = async (page: number) => (asked.push(page), { items: page === 1 ? ['a'] : [], total: 3 });
    expect(await collect(pages(shrinking, (r) => r))).toEqual(['a']);
    expect(asked).toEqual([1, 2]);
  });
});
