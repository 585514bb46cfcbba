/** What every list of the API returns: one page of items and how many there are in all. */
export interface Page<T> {
  items: readonly T[];
  total: number;
}

/**
 * Every item of a list, page after page, asking for the next page only when the loop
 * gets there:
 *
 *   for await (const product of pages((page) => client.Products({ page, perPage: 100 }), (r) => r.products)) …
 *
 * Pages are numbered from 1. It stops after `total` items or at the first empty page.
 * Pages are read at different moments: sort by a key that does not change (e.g. `sku`)
 * so a record added or removed meanwhile shifts the pages as little as possible, and use
 * `filter.updatedSince` to pick up what changed since a previous run.
 */
export async function* pages<R, T>(fetchPage: (page: number) => Promise<R>, pick: (result: R) => Page<T>): AsyncGenerator<T, void, undefined> {
  let seen = 0;
  for (let page = 1; ; page++) {
    const { items, total } = pick(await fetchPage(page));
    yield* items;
    seen += items.length;
    if (items.length === 0 || seen >= total) return;
  }
}
