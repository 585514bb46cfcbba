import type { MikroORM } from '@mikro-orm/postgresql';
import Decimal from 'decimal.js';
import { seedDemoPrices } from '../../api/src/db/seed/demo.seed';
import { Product, ProductKind } from '../../api/src/modules/catalog/product.entity';
import { Unit } from '../../api/src/modules/catalog/unit.entity';
import { systemContext } from '../../api/src/server/context';
import { runMutation } from '../../api/src/server/mutation-transaction';
import type { Services } from '../../api/src/server/services';
import type { TradebookClient } from '@tradebook/client';

export interface CatalogueData {
  /** The top group of the bench products: the page is its subtree. */
  groupId: string;
  products: number;
}

/**
 * Product i of the bench catalogue: every 50th a service (no availability), every 40th
 * inactive (off the page), every 10th without a RETAIL price (so without a DEALER one).
 */
const isService = (i: number) => i % 50 === 49;
const isInactive = (i: number) => i % 40 === 39;
const hasPrice = (i: number) => i % 10 !== 9;
const retailPrice = (i: number, raise = 1) => new Decimal(100 + i).plus((i % 4) * 0.25).mul(raise).toDecimalPlaces(2).toFixed(2);

/**
 * The demo data's prices (RETAIL, and WHOLESALE and DEALER derived from it; the partner's
 * client on DEALER), then `count` products in two subgroups of one group, priced and
 * stocked through the API as staff would: RETAIL lists of 2026-01-01, 2026-06-01 (a third
 * repriced) and one dated after today (not yet in effect), from which DEALER is derived;
 * receipts into MAIN and NORTH (partners ship from them) and SHOP (they do not).
 */
export async function seedCatalogue(orm: MikroORM, services: Services, admin: TradebookClient, count: number): Promise<CatalogueData> {
  const ctx = systemContext(orm.em.fork(), services);
  await runMutation(ctx, () => seedDemoPrices(ctx));

  const top = (await admin.CreateProductGroup({ input: { name: 'Каталог портала' } })).createProductGroup.id;
  const subgroups = [
    (await admin.CreateProductGroup({ input: { name: 'Крепёж портала', parentId: top } })).createProductGroup.id,
    (await admin.CreateProductGroup({ input: { name: 'Инструмент портала', parentId: top } })).createProductGroup.id,
  ];
  // products in one batch insert through the entity: the API would take one request each
  const em = orm.em.fork();
  const pcs = await em.findOneOrFail(Unit, { code: 'pcs' });
  const hour = await em.findOneOrFail(Unit, { code: 'hour' });
  const products = Array.from({ length: count }, (_, i) =>
    em.create(Product, {
      sku: `PRT-${String(i).padStart(4, '0')}`,
      name: `Товар портала ${i}`,
      unit: isService(i) ? hour : pcs,
      kind: isService(i) ? ProductKind.SERVICE : ProductKind.GOODS,
      group: em.getReference('ProductGroup', subgroups[i % 2]) as never,
      vatRate: '22',
      active: !isInactive(i),
    }),
  );
  await em.flush();
  const ids = products.map((p) => p.id);

  const { priceTypes } = await admin.PriceTypes({ filter: { q: 'RETAIL' } });
  const retail = priceTypes.items.find((t) => t.code === 'RETAIL')!.id;
  const priceList = async (date: string, pick: (i: number) => boolean, raise?: number) => {
    const lines = ids.flatMap((productId, i) => (hasPrice(i) && pick(i) ? [{ productId, price: retailPrice(i, raise) }] : []));
    const draft = (await admin.CreatePriceList({ input: { priceTypeId: retail, date, lines } })).createPriceList;
    await admin.PostPriceList({ id: draft.id });
  };
  await priceList('2026-01-01', () => true);
  await priceList('2026-06-01', (i) => i % 3 === 0, 1.1);
  await priceList('2099-01-01', (i) => i % 5 === 0, 2);

  const { warehouses } = await admin.Warehouses({ perPage: 50 });
  const warehouse = (code: string) => warehouses.items.find((w) => w.code === code)!.id;
  const supplierId = (await admin.CreateCounterparty({ input: { name: 'Поставщик стенда', roles: ['SUPPLIER'] } })).createCounterparty.id;
  const receive = async (code: string, date: string, quantity: (i: number) => number | null) => {
    const lines = ids.flatMap((productId, i) => {
      const q = isService(i) ? null : quantity(i);
      return q ? [{ productId, quantity: String(q), unitCost: '50.00' }] : [];
    });
    const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId: warehouse(code), supplierId, lines } })).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: draft.id });
  };
  await receive('MAIN', '2026-11-01', (i) => (i % 3 !== 2 ? 10 + (i % 17) : null));
  await receive('NORTH', '2026-11-02', (i) => (i % 4 === 0 ? 5 : null));
  await receive('SHOP', '2026-11-03', (i) => (i % 2 === 0 ? 100 : null));
  return { groupId: top, products: count };
}
