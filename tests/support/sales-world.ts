import type { TradebookClient } from '@tradebook/client';
import type { Config } from '../../api/src/config';
import { localToday } from '../../api/src/shared/local-date.scalar';
import { Role, startTestApp, type TestApp } from './harness';

export interface SalesWorld {
  app: TestApp;
  admin: TradebookClient;
  manager: TradebookClient;
  pcs: string;
  kg: string;
  supplier: string;
  w1: string;
  w2: string;
  w3: string;
  /** RETAIL (the default, VAT in the price, to the kopeck) and WHOLESALE (VAT on top, to the kopeck). */
  retail: string;
  wholesale: string;
  /** The demo sales manager's clients: "Розница" (no price type: RETAIL) and "Оптовик" (WHOLESALE). */
  retailClient: string;
  wholesaleClient: string;
  /** Makes a GOODS product (pcs unless a unit is given) with a RETAIL and a WHOLESALE price from 2026-01-01. */
  product(sku: string, retailPrice: string, wholesalePrice: string, options?: { vatRate?: string; unitId?: string; kind?: 'GOODS' | 'SERVICE' }): Promise<string>;
  /** Receives goods into a warehouse (posted receipt dated 2026-01-10). */
  receive(warehouseId: string, productId: string, quantity: string, unitCost?: string): Promise<void>;
  /** Today, and a day from today. */
  today: string;
  daysFromToday(days: number): string;
}

/**
 * What every order test starts from: an admin and the demo sales manager, units pcs and
 * kg (to 0.001), a supplier, warehouses W1, W2 and W3 (W1 ships to partners), price
 * types RETAIL and WHOLESALE, and two of the manager's clients.
 */
export async function startSalesWorld(overrides: Partial<Record<keyof Config, string>> = {}): Promise<SalesWorld> {
  const app = await startTestApp(overrides);
  const admin = await app.as(Role.ADMIN);
  const manager = await app.as(Role.SALES_MANAGER);
  const pcs = (await admin.CreateUnit({ input: { code: 'pcs', name: 'штука' } })).createUnit.id;
  const kg = (await admin.CreateUnit({ input: { code: 'kg', name: 'килограмм', precision: 3 } })).createUnit.id;
  const supplier = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
  const w1 = (await admin.CreateWarehouse({ input: { code: 'W1', name: 'Основной', partnerShipping: true } })).createWarehouse.id;
  const w2 = (await admin.CreateWarehouse({ input: { code: 'W2', name: 'Северный' } })).createWarehouse.id;
  const w3 = (await admin.CreateWarehouse({ input: { code: 'W3', name: 'Южный' } })).createWarehouse.id;
  const retail = (await admin.CreatePriceType({ input: { code: 'RETAIL', name: 'Розничная', vatIncluded: true, isDefault: true } })).createPriceType.id;
  const wholesale = (await admin.CreatePriceType({ input: { code: 'WHOLESALE', name: 'Оптовая', vatIncluded: false } })).createPriceType.id;
  const managerId = (await manager.Me()).me.id;
  const retailClient = (await manager.CreateCounterparty({ input: { name: 'Розница' } })).createCounterparty.id;
  const wholesaleClient = (await admin.CreateCounterparty({ input: { name: 'Оптовик', ownerId: managerId, priceTypeId: wholesale } })).createCounterparty.id;

  const price = async (priceTypeId: string, productId: string, value: string) => {
    const list = (await admin.CreatePriceList({ input: { priceTypeId, date: '2026-01-01', lines: [{ productId, price: value }] } })).createPriceList;
    await admin.PostPriceList({ id: list.id });
  };
  const today = localToday();
  return {
    app,
    admin,
    manager,
    pcs,
    kg,
    supplier,
    w1,
    w2,
    w3,
    retail,
    wholesale,
    retailClient,
    wholesaleClient,
    today,
    daysFromToday: (days) => new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10),
    async product(sku, retailPrice, wholesalePrice, options = {}) {
      const id = (await admin.CreateProduct({ input: { sku, name: sku, unitId: options.unitId ?? pcs, kind: options.kind ?? 'GOODS', vatRate: options.vatRate ?? '22' } })).createProduct.id;
      await price(retail, id, retailPrice);
      await price(wholesale, id, wholesalePrice);
      return id;
    },
    async receive(warehouseId, productId, quantity, unitCost = '1') {
      const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-01-10', warehouseId, supplierId: supplier, lines: [{ productId, quantity, unitCost }] } })).createGoodsReceipt;
      await admin.PostGoodsReceipt({ id: receipt.id });
    },
  };
}
