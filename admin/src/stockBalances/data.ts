import type { GetListParams } from 'react-admin';
import type { StockBalanceFilter } from '@tradebook/client';
import { sortOf } from '../providers/graphql-conventions';
import { api } from '../providers/sdk';

/** The report's filter as the API takes it: empty inputs as null, "only non-zero" on unless turned off. */
const filterOf = (f: Record<string, unknown>): StockBalanceFilter => ({
  warehouseId: (f.warehouseId as string) || null,
  productId: (f.productId as string) || null,
  groupId: (f.groupId as string) || null,
  onlyNonZero: f.onlyNonZero !== false,
  asOf: (f.asOf as string) || null,
});

/** Balances per warehouse × product, a page at a time, sorted by the API (then by warehouse code and SKU). */
export async function getList(_resource: string, params: GetListParams) {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const { stockBalances } = await api().StockBalanceRows({ filter: filterOf(params.filter ?? {}), sort: sortOf(params.sort), page, perPage });
  return { data: stockBalances.items.map((row) => ({ id: `${row.warehouse.id}:${row.product.id}`, ...row })), total: stockBalances.total };
}
