import { valueAt } from './values';

interface PageParams {
  sort?: { field: string; order: 'ASC' | 'DESC' };
  pagination?: { page: number; perPage: number };
}

const comparable = (value: unknown) => (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value ?? '');

/**
 * One page of a report whose API returns all its rows at once (a product's lots in a
 * warehouse, the valuation's rows): sorted by any column and paged here, which is exact
 * because every row is at hand. Decimal strings sort as numbers; the sort is stable.
 */
export function clientPage<T extends Record<string, unknown>>(rows: T[], params: PageParams): { data: T[]; total: number } {
  const { field, order } = params.sort ?? { field: '', order: 'ASC' as const };
  const sorted = field
    ? [...rows].sort((a, b) => {
        const [x, y] = [comparable(valueAt(a, field)), comparable(valueAt(b, field))];
        const compared = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return order === 'DESC' ? -compared : compared;
      })
    : rows;
  const { page = 1, perPage = rows.length || 1 } = params.pagination ?? {};
  return { data: sorted.slice((page - 1) * perPage, page * perPage), total: rows.length };
}
