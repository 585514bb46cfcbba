import { Role, type TestApp } from '../support/harness';

export const CATALOGUE = [
  // sku, name, DEALER price from 2026-01-01 (VAT 22 % included), or none
  ['BLT-M6', 'Болт М6×30 оцинк.', '10.00'],
  ['BLT-M8', 'Болт М8×40 оцинк.', '15.12'],
  ['HMR-500', 'Молоток 500 г', '519.20'],
  ['TPM-5', 'Рулетка 5 м', null],
] as const;

/**
 * Given, through the API as staff would set it up: four products in pieces (VAT 22 %), the
 * default price type RETAIL and DEALER (VAT included, to the kopeck), a DEALER list of
 * 2026-01-01 posted with the prices above, and the demo partner's client "Дилер Восток" on DEALER.
 */
export async function givenPartnerCatalogue(app: TestApp) {
  const admin = await app.as(Role.ADMIN);
  const { createUnit: pcs } = await admin.CreateUnit({ input: { code: 'pcs', name: 'штука', precision: 0 } });
  const products: Record<string, string> = {};
  for (const [sku, name] of CATALOGUE) products[sku] = (await admin.CreateProduct({ input: { sku, name, unitId: pcs.id, vatRate: '22' } })).createProduct.id;
  const retail = (await admin.CreatePriceType({ input: { code: 'RETAIL', name: 'Розничная', isDefault: true } })).createPriceType;
  const dealer = (await admin.CreatePriceType({ input: { code: 'DEALER', name: 'Дилерская', vatIncluded: true, rounding: 'KOPECK' } })).createPriceType;
  const lines = CATALOGUE.filter(([, , price]) => price).map(([sku, , price]) => ({ productId: products[sku], price: price! }));
  const { createPriceList } = await admin.CreatePriceList({ input: { priceTypeId: dealer.id, date: '2026-01-01', lines } });
  await admin.PostPriceList({ id: createPriceList.id });
  const partnerClient = (await admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0];
  await admin.UpdateCounterparty({ id: partnerClient.id, input: { version: partnerClient.version, priceTypeId: dealer.id } });
  return { products, retail, dealer, partnerClientId: partnerClient.id };
}

/** What the warehouses hold of the catalogue: [sku, warehouse, quantity], received on 2026-03-01. */
export const STOCK = [
  ['BLT-M6', 'MAIN', '40'],
  ['BLT-M6', 'NORTH', '5'],
  ['BLT-M8', 'SHOP', '7'],
  ['HMR-500', 'MAIN', '8'],
  ['TPM-5', 'NORTH', '3'],
] as const;

/**
 * Given, on top of the partner catalogue: warehouses MAIN and NORTH that ship to partners and
 * SHOP that does not, and the STOCK above received into them through posted goods receipts.
 */
export async function givenPartnerStock(app: TestApp, products: Record<string, string>) {
  const admin = await app.as(Role.ADMIN);
  const warehouses: Record<string, string> = {};
  for (const [code, partnerShipping] of [['MAIN', true], ['NORTH', true], ['SHOP', false]] as const) {
    warehouses[code] = (await admin.CreateWarehouse({ input: { code, name: code, partnerShipping } })).createWarehouse.id;
  }
  const supplierId = (await admin.CreateCounterparty({ input: { name: 'Поставщик', roles: ['SUPPLIER'] } })).createCounterparty.id;
  for (const code of Object.keys(warehouses)) {
    const lines = STOCK.filter(([, at]) => at === code).map(([sku, , quantity]) => ({ productId: products[sku], quantity, unitCost: '5.00' }));
    const { createGoodsReceipt } = await admin.CreateGoodsReceipt({ input: { date: '2026-03-01', warehouseId: warehouses[code], supplierId, lines } });
    await admin.PostGoodsReceipt({ id: createGoodsReceipt.id });
  }
  return warehouses;
}
