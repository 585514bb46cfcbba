import { badInput, invalidState } from '../../shared/errors';
import type { FieldMessages } from '../../shared/field-errors';
import { Decimal, sumOf } from '../../shared/money';
import { defineDocumentType } from '../ledger/document-type';
import { AdjustmentBatch, adjustLot, refuseWhileRaisedLotsTaken, reverseAdjustments, writeAdjustments } from './cost-adjustment';
import { LandedCost, LandedCostLine } from './landed-cost.entity';
import { allocate, asInput } from './landed-cost.lines';
import { checkSupplier, requireLines } from './stock-lines';
import { StockCostChanged } from './stock.events';
import { expenseRegister, purchaseVatBookRegister, stockRegister, supplierSettlementRegister } from './stock.registers';

export const LANDED_COST = 'LandedCost';

/** The lots of the receipt lines and every lot made from them since (transfers carry goods on): their balances are locked first. */
const LOT_CHAIN_KEYS_SQL = `with recursive chain (id, warehouse_id, product_id) as (
    select lot.id, lot.warehouse_id, lot.product_id from landed_cost_line c
    join goods_receipt_line l on l.id = c.goods_receipt_line_id
    join stock_lot lot on lot.recorder_type = 'GoodsReceipt' and lot.recorder_id = l.goods_receipt_id and lot.recorder_line = l.line_no
    where c.landed_cost_id = ?
    union
    select lot.id, lot.warehouse_id, lot.product_id from stock_lot lot join chain on lot.origin_lot_id = chain.id
  ) select distinct warehouse_id, product_id from chain`;

const RECEIPT_LOT_SQL = `select lot.id from landed_cost_line c
  join goods_receipt_line l on l.id = c.goods_receipt_line_id
  join stock_lot lot on lot.recorder_type = 'GoodsReceipt' and lot.recorder_id = l.goods_receipt_id and lot.recorder_line = l.line_no
  where c.id = ?`;

/**
 * Posting a landed cost (LC-YYYY-NNNNNN): the allocation is worked out again (receipts
 * may have been unposted since the draft was saved); each line's lot gets its part
 * through adjustLot (what is still there is raised; what left is adjusted where it
 * went), the supplier is owed amount + VAT (a debt like a receipt's) and the VAT is booked. Unposting takes all of
 * it back, refused while documents have taken from a raised lot since (they took at the
 * raised cost). Both change the cost of the products (StockCostChanged).
 */
export const landedCostType = defineDocumentType<LandedCost>({
  type: LANDED_COST,
  entity: LandedCost,
  prefix: 'LC',
  label: 'Landed cost',
  registers: [stockRegister, expenseRegister, supplierSettlementRegister, purchaseVatBookRegister],
  scopedBy: 'supplier',
  async post(ctx, doc, posting) {
    const lines = await ctx.em.find(LandedCostLine, { landedCost: doc.id }, { orderBy: { lineNo: 'asc' } });
    requireLines(posting, lines);
    const fields: FieldMessages = {};
    await checkSupplier(ctx, doc.supplier.id, 'supplierId', fields);
    const allocated = await allocate(ctx, doc, asInput(lines), fields);
    if (Object.keys(fields).length) throw badInput(fields);

    const keys: { warehouse_id: string; product_id: string }[] = await ctx.em.execute(LOT_CHAIN_KEYS_SQL, [doc.id]);
    await posting.lock(stockRegister, keys.map((k) => ({ warehouseId: k.warehouse_id, productId: k.product_id })));
    const batch = new AdjustmentBatch(posting, ctx.services.costAdjusters);
    for (const [i, line] of lines.entries()) {
      line.allocated = allocated[i].allocated;
      if (new Decimal(line.allocated).isZero()) continue;
      const [lot]: { id: string }[] = await ctx.em.execute(RECEIPT_LOT_SQL, [line.id]);
      if (!lot) throw invalidState(`Line ${line.lineNo}: the receipt line has no lot`, { lineNo: line.lineNo });
      batch.line = line.lineNo;
      await adjustLot(batch, lot.id, line.allocated);
    }
    const products = await writeAdjustments(batch);
    await ctx.services.supplierSettlements.recordDebt(ctx, posting, { supplierId: doc.supplier.id, documentType: LANDED_COST, documentId: doc.id, amount: sumOf([doc.amount, doc.vat]).toFixed() });
    if (new Decimal(doc.vat).gt(0)) await posting.write(purchaseVatBookRegister, [{ date: doc.date, line: 1, supplierId: doc.supplier.id, rate: doc.vatRate, amount: doc.amount, vat: doc.vat }]);
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: products });
  },
  guardRetract: (_ctx, _doc, posting) => refuseWhileRaisedLotsTaken(posting),
  async afterRetract(ctx, doc, posting) {
    await reverseAdjustments(ctx.em, posting.recorder);
    for (const adjuster of new Set(ctx.services.costAdjusters.values())) await adjuster.retract?.(ctx, posting.recorder);
    // the lots are back at their cost before the landed cost: so are cost-based prices
    const products: { product_id: string }[] = await ctx.em.execute(LOT_CHAIN_KEYS_SQL, [doc.id]);
    await ctx.services.domainEvents.raise(ctx, StockCostChanged, { date: doc.date, productIds: [...new Set(products.map((p) => p.product_id))] });
  },
});
