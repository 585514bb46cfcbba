import type { TradebookClient } from '@tradebook/client';
import type { TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startStockWorld } from '../support/stock-world';

/** DESIGN §7 for documents: lines, their receipts and products, and the recorder numbers of movements cost the same statements at any page size. */
describe('statement count of document lists', () => {
  let app: TestApp;
  let admin: TradebookClient;

  beforeAll(async () => {
    const world = await startStockWorld();
    ({ app, admin } = world);
    // given 6 receipts of 2 products each, and a landed cost over each receipt, all posted
    for (let r = 0; r < 6; r++) {
      const products = await Promise.all(
        [0, 1].map(async (i) => (await admin.CreateProduct({ input: { sku: `SCD-${r}-${i}`, name: `Товар ${r}.${i}`, unitId: world.pcs } })).createProduct.id),
      );
      const receipt = (
        await admin.CreateGoodsReceipt({ input: { date: '2026-05-04', warehouseId: world.w1, supplierId: world.supplier, lines: products.map((productId) => ({ productId, quantity: '2', unitCost: '10' })) } })
      ).createGoodsReceipt;
      await admin.PostGoodsReceipt({ id: receipt.id });
      const lc = (await admin.CreateLandedCost({ input: { date: '2026-05-05', supplierId: world.supplier, description: `Доставка ${r}`, amount: '4', method: 'QUANTITY', goodsReceiptIds: [receipt.id] } })).createLandedCost;
      await admin.PostLandedCost({ id: lc.id });
    }
  });
  afterAll(async () => {
    await assertLedgerInvariants(app.orm);
    await app.close();
  });

  it('reads 2 or 6 landed costs with supplier, lines, receipts and products in the same statements', async () => {
    await admin.LandedCosts({ perPage: 1 }); // warm up
    let large: Awaited<ReturnType<typeof admin.LandedCosts>> | undefined;
    const two = await app.countStatements(() => admin.LandedCosts({ perPage: 2 }));
    const six = await app.countStatements(async () => {
      large = await admin.LandedCosts({ perPage: 6 });
    });
    // then every row came with its relations: 4.00 by quantity over 2 + 2 → 2.00 each
    expect(large!.landedCosts.items).toHaveLength(6);
    for (const lc of large!.landedCosts.items) {
      expect(lc.supplier.name).toBe('Поставщик');
      expect(lc.lines.map((l) => [l.goodsReceipt?.number.slice(0, 3), l.goodsReceiptLine?.product.sku.slice(0, 4), l.allocated])).toEqual([
        ['RC-', 'SCD-', '2.00'],
        ['RC-', 'SCD-', '2.00'],
      ]);
    }
    // and the statements are the same few: page, total, suppliers, lines, receipt lines, receipts, products
    expect(two).toBe(six);
    expect(six).toBeLessThanOrEqual(7);
  });

  it('reads 5 or 30 stock movements with warehouse, product and the recorder document number in the same statements', async () => {
    let large: Awaited<ReturnType<typeof admin.StockMovements>> | undefined;
    const five = await app.countStatements(() => admin.StockMovements({ perPage: 5 }));
    const thirty = await app.countStatements(async () => {
      large = await admin.StockMovements({ perPage: 30 });
    });
    // 12 receipt movements and 12 landed cost movements
    expect(large!.stockMovements.total).toBe(24);
    expect(new Set(large!.stockMovements.items.map((m) => `${m.recorderType}:${m.recorderNumber?.slice(0, 3)}`))).toEqual(new Set(['GoodsReceipt:RC-', 'LandedCost:LC-']));
    expect(five).toBe(thirty);
    // page, total, warehouses, products, document numbers (one statement for both types)
    expect(thirty).toBeLessThanOrEqual(5);
  });
});
