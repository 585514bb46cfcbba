import { parse } from 'graphql';
import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useGetManyAggregate } from 'react-admin';
import { graphqlRequest } from '../../providers/request';

/** A product as a line needs it: its label, unit, VAT rate and kind. */
export interface LineProduct {
  id: string;
  sku: string;
  name: string;
  active?: boolean;
  kind?: string;
  vatRate?: string;
  barcode?: string | null;
  unit?: { code: string; okeiCode?: string | null } | null;
}

interface LineProductsValue {
  get: (id: string | null | undefined) => LineProduct | undefined;
  remember: (product: LineProduct) => void;
}

const LineProductsContext = createContext<LineProductsValue>({ get: () => undefined, remember: () => undefined });

/**
 * The products of a document's lines, known to every row: those of a saved draft read in one
 * request (react-admin aggregates getMany), those picked or pasted kept as they were found.
 */
export const LineProductsProvider = ({ ids, children }: { ids: (string | null | undefined)[]; children: ReactNode }) => {
  const picked = useRef(new Map<string, LineProduct>());
  const [, redraw] = useState(0);
  const wanted = [...new Set(ids.filter((id): id is string => !!id && !picked.current.has(id)))];
  const { data = [] } = useGetManyAggregate<LineProduct & { id: string }>('Product', { ids: wanted }, { enabled: wanted.length > 0 });
  const value = useMemo<LineProductsValue>(
    () => ({
      get: (id) => (id ? (picked.current.get(id) ?? data.find((p) => p.id === id)) : undefined),
      remember: (product) => {
        if (picked.current.get(product.id) === product) return;
        picked.current.set(product.id, product);
        redraw((n) => n + 1);
      },
    }),
    [data],
  );
  return <LineProductsContext.Provider value={value}>{children}</LineProductsContext.Provider>;
};

export const useLineProducts = () => useContext(LineProductsContext);

/** Armor allows 20 aliases per request: availability is asked for 20 products at a time. */
const ALIASES = 20;

async function availableIn(warehouseId: string, productIds: string[]): Promise<Map<string, string>> {
  const available = new Map<string, string>();
  for (let start = 0; start < productIds.length; start += ALIASES) {
    const chunk = productIds.slice(start, start + ALIASES);
    const fields = chunk.map((_, i) => `p${i}: stockBalances(filter: { warehouseId: $warehouse, productId: $p${i} }, perPage: 1) { items { available } }`).join('\n');
    const variables = chunk.map((_, i) => `$p${i}: ID!`).join(', ');
    const { data } = await graphqlRequest<Record<string, { items: { available: string }[] }>>(
      parse(`query LineAvailability($warehouse: ID!, ${variables}) { ${fields} }`),
      { warehouse: warehouseId, ...Object.fromEntries(chunk.map((id, i) => [`p${i}`, id])) },
    );
    chunk.forEach((id, i) => available.set(id, data[`p${i}`]?.items[0]?.available ?? '0'));
  }
  return available;
}

/**
 * What is available (on hand − reserved) of each line's product in the warehouse the
 * document takes from, now: one request per 20 products (the API has no filter by many
 * products yet), kept for a few seconds.
 */
export function useAvailability(warehouseId: string | null | undefined, productIds: (string | null | undefined)[]) {
  const ids = [...new Set(productIds.filter((id): id is string => !!id))].sort();
  const { data } = useQuery({
    queryKey: ['lineAvailability', warehouseId, ids],
    queryFn: () => availableIn(warehouseId!, ids),
    enabled: !!warehouseId && ids.length > 0,
    staleTime: 10_000,
  });
  return data;
}
