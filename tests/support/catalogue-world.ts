import type { TradebookClient } from '@tradebook/client';
import { rawRequest, Role, type TestApp } from './harness';
import { startStockWorld } from './stock-world';

type ReceiptLine = { productId: string; quantity: string; unitCost: string };

export interface CatalogueWorld {
  app: TestApp;
  admin: TradebookClient;
  /** The demo partner, acting for «Дилер Восток», whose own price type is DEALER. */
  partner: TradebookClient;
  pcs: string;
  /** W1 «Основной» and W2 «Филиал» ship to partners; W3 «Витрина» does not. */
  w1: string;
  w2: string;
  w3: string;
  /** RETAIL is the default price type; DEALER the partner's client's own. Both set by hand, VAT included. */
  retail: string;
  dealer: string;
  product(sku: string): Promise<string>;
  receive(warehouseId: string, lines: ReceiptLine[], date: string): Promise<void>;
  transfer(from: string, to: string, lines: { productId: string; quantity: string }[], date: string): Promise<void>;
  writeOff(warehouseId: string, productId: string, quantity: string, date: string): Promise<void>;
  priceList(priceTypeId: string, date: string, lines: { productId: string; price: string }[]): Promise<void>;
  /** Raw GraphQL as a user, to see the data a partial answer keeps beside its errors. */
  asRaw(email: string, query: string): Promise<{ data?: unknown; errors?: { message: string; path?: unknown; extensions?: Record<string, unknown> }[] }>;
}

/** The partner catalogue's world (issue 11): the stock world's W1 and W2 shipping to partners, a W3 that does not, RETAIL and DEALER. */
export async function startCatalogueWorld(): Promise<CatalogueWorld> {
  const { app, admin, pcs, supplier, w1, w2 } = await startStockWorld();
  const partner = await app.as(Role.PARTNER);
  const w3 = (await admin.CreateWarehouse({ input: { code: 'W3', name: 'Витрина' } })).createWarehouse.id;
  for (const id of [w1, w2]) {
    const { warehouse } = await admin.Warehouse({ id });
    await admin.UpdateWarehouse({ id, input: { version: warehouse!.version, partnerShipping: true } });
  }
  const retail = (await admin.CreatePriceType({ input: { code: 'RETAIL', name: 'Розничная', vatIncluded: true, isDefault: true } })).createPriceType.id;
  const dealer = (await admin.CreatePriceType({ input: { code: 'DEALER', name: 'Дилерская', vatIncluded: true } })).createPriceType.id;
  const clientId = (await partner.Me()).me.counterparty!.id;
  const { counterparty } = await admin.Counterparty({ id: clientId });
  await admin.UpdateCounterparty({ id: clientId, input: { version: counterparty!.version, priceTypeId: dealer } });

  return {
    app,
    admin,
    partner,
    pcs,
    w1,
    w2,
    w3,
    retail,
    dealer,
    product: async (sku) => (await admin.CreateProduct({ input: { sku, name: sku, unitId: pcs, kind: 'GOODS' } })).createProduct.id,
    async receive(warehouseId, lines, date) {
      const draft = (await admin.CreateGoodsReceipt({ input: { date, warehouseId, supplierId: supplier, lines } })).createGoodsReceipt;
      await admin.PostGoodsReceipt({ id: draft.id });
    },
    async transfer(from, to, lines, date) {
      const draft = (await admin.CreateStockTransfer({ input: { date, fromWarehouseId: from, toWarehouseId: to, lines } })).createStockTransfer;
      await admin.PostStockTransfer({ id: draft.id });
    },
    async writeOff(warehouseId, productId, quantity, date) {
      const draft = (await admin.CreateWriteOff({ input: { date, warehouseId, reason: 'DAMAGE', lines: [{ productId, quantity }] } })).createWriteOff;
      await admin.PostWriteOff({ id: draft.id });
    },
    async priceList(priceTypeId, date, lines) {
      const draft = (await admin.CreatePriceList({ input: { priceTypeId, date, lines } })).createPriceList;
      await admin.PostPriceList({ id: draft.id });
    },
    async asRaw(email, query) {
      const { token } = await app.login(email);
      return (await rawRequest(app.graphqlUrl, { query }, { authorization: `Bearer ${token}` })).json!;
    },
  };
}
