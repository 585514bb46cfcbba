import type { Context } from '../../server/context';
import type { Recorder } from './recorder';

/** The table of each document type that records register rows (a recorder type is the entity name). */
export const DOCUMENT_TABLES: Readonly<Record<string, string>> = {
  GoodsReceipt: 'goods_receipt',
  StockTransfer: 'stock_transfer',
  WriteOff: 'write_off',
  StockCount: 'stock_count',
  LandedCost: 'landed_cost',
  PriceList: 'price_list',
};

/**
 * The number of a recorder document (e.g. WO-2026-000003), null for an unknown type
 * or a document that is gone: one statement per request for all the rows asked about.
 */
export function documentNumber(ctx: Context, recorder: Recorder): Promise<string | null> {
  return ctx.loaders
    .custom<Recorder, string | null>(
      'documentNumber',
      async (keys) => {
        const types = [...new Set(keys.map((k) => k.type))].filter((t) => DOCUMENT_TABLES[t]);
        if (!types.length) return keys.map(() => null);
        const parts = types.map((t) => `select '${t}' as type, id, number from ${DOCUMENT_TABLES[t]} where id in (?)`);
        const params = types.map((t) => keys.filter((k) => k.type === t).map((k) => k.id));
        const rows: { type: string; id: string; number: string }[] = await ctx.em.execute(parts.join(' union all '), params);
        const found = new Map(rows.map((r) => [`${r.type}:${r.id}`, r.number]));
        return keys.map((k) => found.get(`${k.type}:${k.id}`) ?? null);
      },
      (k) => `${k.type}:${k.id}`,
    )
    .load(recorder);
}
