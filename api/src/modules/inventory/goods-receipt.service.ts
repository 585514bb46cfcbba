import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { findForChange, listPage } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { isVatRate, vatOn } from '../catalog/vat-rates';
import { Counterparty, CounterpartyRole } from '../crm/counterparty.entity';
import { nextDocumentNumber } from '../ledger/document-number';
import { documentConditions } from '../ledger/document.filter';
import type { Recorder } from '../ledger/recorder';
import { repriceFromCost } from '../pricing/cost-prices';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import type { CreateGoodsReceiptInput, GoodsReceiptLineInput, GoodsReceiptListArgs, UpdateGoodsReceiptInput } from './goods-receipt.inputs';
import { checkLines, checkWarehouse, DOCUMENT_SORTABLE, StockDocumentService, type CheckedLine, type PostedLine } from './stock-document.service';
import { writeStockMovements, type StockKey } from './stock-register';
import { Warehouse } from './warehouse.entity';

export const GOODS_RECEIPT = 'GoodsReceipt';

const MAX_MONEY = new Decimal('999999999999999.9999'); // numeric(19,4)
const round2 = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** One lot per line: the line's quantity at its unit cost, valued at its amount. FIFO order by the global lot sequence. */
const CREATE_LOTS_SQL = `insert into stock_lot (id, warehouse_id, product_id, date, sequence, recorder_type, recorder_id, recorder_line, origin_lot_id, qty_in, qty_remaining, unit_cost, value_remaining)
  select gen_random_uuid(), r.warehouse_id, l.product_id, r.date, nextval('stock_lot_sequence'), ?, r.id, l.line_no, null, l.quantity, l.quantity, l.unit_cost, l.amount
  from goods_receipt_line l join goods_receipt r on r.id = l.goods_receipt_id
  where r.id = ? order by l.line_no
  returning id, recorder_line, warehouse_id, product_id, date, qty_in, value_remaining`;

/** The payable: the total with VAT, owed to the supplier from the receipt's date. */
const SETTLEMENT_SQL = `insert into supplier_settlement (id, counterparty_id, date, amount, recorder_type, recorder_id, recorder_line)
  select gen_random_uuid(), r.supplier_id, r.date, sum(l.amount + l.vat), ?, r.id, 0
  from goods_receipt r join goods_receipt_line l on l.goods_receipt_id = r.id
  where r.id = ? group by r.id, r.supplier_id, r.date`;

/** One purchase VAT book row per rate; recorder_line numbers the rates 1, 2, … in ascending order. */
const VAT_BOOK_SQL = `insert into purchase_vat_book (id, supplier_id, date, rate, amount, vat, recorder_type, recorder_id, recorder_line)
  select gen_random_uuid(), r.supplier_id, r.date, l.vat_rate, sum(l.amount), sum(l.vat), ?, r.id, (row_number() over (order by l.vat_rate))::int
  from goods_receipt r join goods_receipt_line l on l.goods_receipt_id = r.id
  where r.id = ? group by r.id, r.supplier_id, r.date, l.vat_rate`;

interface ReceiptLine {
  productId: string;
  quantity: string;
  unitCost: string;
  vatRate: string;
  amount: string;
  vat: string;
}

/** A counterparty with the SUPPLIER role, else a message under `field`. */
export async function checkSupplier(em: EntityManager, id: string | undefined | null, field: string, fields: Record<string, string>): Promise<void> {
  if (!id) return;
  const [c]: { name: string; roles: string[] | string }[] = await em.execute('select name, roles from counterparty where id = ?', [id]);
  const roles = c ? (Array.isArray(c.roles) ? c.roles : String(c.roles).replace(/[{}]/g, '').split(',')) : [];
  if (!c) fields[field] = 'no such counterparty';
  else if (!roles.includes(CounterpartyRole.SUPPLIER)) fields[field] = `${c.name} is not a supplier (give it the SUPPLIER role)`;
}

/**
 * Goods receipts (RC-YYYY-NNNNNN, DESIGN §4): drafts are edited freely; posting writes
 * one FIFO lot and one stock movement per line, the payable (total with VAT) and one
 * purchase VAT book row per rate, and prices the received products again for the
 * FROM_COST price types; unposting deletes exactly those rows (StockDocumentService).
 */
export class GoodsReceiptService extends StockDocumentService<GoodsReceipt> {
  protected readonly entity = GoodsReceipt;
  protected readonly type = GOODS_RECEIPT;
  protected readonly label = 'Goods receipt';

  list(ctx: Context, args: GoodsReceiptListArgs): Promise<Page<GoodsReceipt>> {
    const f = args.filter;
    const conditions = documentConditions<GoodsReceipt>(f, ['number']);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.supplierId) conditions.push({ supplier: f.supplierId });
    return listPage(ctx.em, GoodsReceipt, conditions, args, DOCUMENT_SORTABLE, 'number');
  }

  async create(ctx: Context, input: CreateGoodsReceiptInput): Promise<GoodsReceipt> {
    const fields: Record<string, string> = {};
    await this.checkHeader(ctx.em, input.warehouseId, input.supplierId, fields);
    const lines = await this.checkReceiptLines(ctx.em, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const receipt = ctx.em.create(GoodsReceipt, {
      number: await nextDocumentNumber(ctx.em, 'RC', input.date),
      date: input.date,
      warehouse: input.warehouseId,
      supplier: input.supplierId,
      comment: input.comment?.trim() || null,
    });
    this.addLines(ctx.em, receipt, lines);
    await ctx.em.flush();
    return receipt;
  }

  /** A draft only (INVALID_STATE otherwise); sent lines replace all lines. */
  async update(ctx: Context, id: string, input: UpdateGoodsReceiptInput): Promise<GoodsReceipt> {
    const receipt = await this.lockDraft(ctx.em, id, 'edited');
    await findForChange(ctx.em, GoodsReceipt, id, input.version);
    const fields: Record<string, string> = {};
    for (const key of ['date', 'warehouseId', 'supplierId'] as const) if (input[key] === null) fields[key] = 'must not be null';
    await this.checkHeader(ctx.em, input.warehouseId, input.supplierId, fields);
    const lines = input.lines ? await this.checkReceiptLines(ctx.em, input.lines, fields) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    if (lines) {
      await this.clearLines(ctx.em, receipt);
      this.addLines(ctx.em, receipt, lines);
      receipt.updatedAt = new Date();
    }
    if (input.date) receipt.date = input.date;
    if (input.warehouseId) receipt.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.supplierId) receipt.supplier = ctx.em.getReference(Counterparty, input.supplierId, { wrapped: true });
    if (input.comment !== undefined) receipt.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return receipt;
  }

  protected async linesOf(em: EntityManager, receipt: GoodsReceipt): Promise<PostedLine[]> {
    const lines = await em.find(GoodsReceiptLine, { goodsReceipt: receipt.id }, { orderBy: { lineNo: 'asc' } });
    return lines.map((l) => ({ lineNo: l.lineNo, productId: l.product.id, quantity: l.quantity }));
  }

  /** The supplier, warehouse, products and prices may have changed since the draft was written. */
  protected async checkDocument(em: EntityManager, receipt: GoodsReceipt, _lines: CheckedLine[], fields: Record<string, string>): Promise<void> {
    await this.checkHeader(em, receipt.warehouse.id, receipt.supplier.id, fields);
    const lines = await em.find(GoodsReceiptLine, { goodsReceipt: receipt.id }, { orderBy: { lineNo: 'asc' } });
    await this.checkReceiptLines(em, lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitCost: l.unitCost, vatRate: l.vatRate })), fields);
  }

  /** checkDocument checks the lines with their prices. */
  protected async checkPostedLines(): Promise<CheckedLine[]> {
    return [];
  }

  protected async write(ctx: Context, receipt: GoodsReceipt, recorder: Recorder): Promise<StockKey[]> {
    const lots: { id: string; recorder_line: number; warehouse_id: string; product_id: string; qty_in: string; value_remaining: string }[] = await ctx.em.execute(CREATE_LOTS_SQL, [recorder.type, receipt.id]);
    await writeStockMovements(
      ctx.em,
      recorder,
      lots.map((lot) => ({ warehouseId: lot.warehouse_id, productId: lot.product_id, lotId: lot.id, date: receipt.date, quantity: String(lot.qty_in), cost: String(lot.value_remaining), recorderLine: lot.recorder_line })),
    );
    await ctx.em.execute(SETTLEMENT_SQL, [recorder.type, receipt.id]);
    await ctx.em.execute(VAT_BOOK_SQL, [recorder.type, receipt.id]);
    await repriceFromCost(ctx, receipt.date, lots.map((lot) => lot.product_id));
    return lots.map((lot) => ({ warehouseId: lot.warehouse_id, productId: lot.product_id }));
  }

  protected async replaceLines(): Promise<void> {
    throw new Error('receipt lines are replaced by update');
  }

  private async checkHeader(em: EntityManager, warehouseId: string | undefined, supplierId: string | undefined, fields: Record<string, string>): Promise<void> {
    await checkWarehouse(em, warehouseId, 'warehouseId', fields);
    await checkSupplier(em, supplierId, 'supplierId', fields);
  }

  /**
   * Lines keyed `lines.<index>.<field>` (index from 0, messages count from 1): the
   * product and quantity as every stock line (checkLines), unit cost ≥ 0 with ≤ 4
   * places, a known VAT rate (the product's when not sent). Computes amount and VAT.
   */
  private async checkReceiptLines(em: EntityManager, lines: GoodsReceiptLineInput[], fields: Record<string, string>): Promise<ReceiptLine[]> {
    const checked = await checkLines(em, lines, fields);
    let payable = new Decimal(0);
    return lines.map((line, i) => {
      const n = i + 1;
      const quantity = new Decimal(line.quantity);
      const unitCost = new Decimal(line.unitCost);
      if (unitCost.isNegative()) fields[`lines.${i}.unitCost`] = `line ${n}: the unit cost must not be negative`;
      else if (unitCost.decimalPlaces() > 4) fields[`lines.${i}.unitCost`] = `line ${n}: the unit cost must have at most 4 decimal places`;
      const rate = line.vatRate ?? checked[i].productVatRate ?? '0';
      if (!isVatRate(String(rate))) fields[`lines.${i}.vatRate`] = `line ${n}: the VAT rate must be 0, 10 or 22`;
      const amount = round2(quantity.mul(unitCost));
      if (amount.gt(MAX_MONEY)) fields[`lines.${i}.unitCost`] = `line ${n}: the amount is too large`;
      const vat = vatOn(amount, rate);
      // the payable is one register row: the total with VAT must fit numeric(19,4) too
      payable = payable.plus(amount).plus(vat);
      if (payable.gt(MAX_MONEY) && !fields[`lines.${i}.unitCost`]) fields[`lines.${i}.unitCost`] = `line ${n}: the receipt's total with VAT would be too large`;
      return { productId: line.productId, quantity: quantity.toFixed(), unitCost: unitCost.toFixed(), vatRate: new Decimal(rate).toFixed(), amount: amount.toFixed(2), vat };
    });
  }

  private addLines(em: EntityManager, receipt: GoodsReceipt, lines: ReceiptLine[]): void {
    lines.forEach((line, i) => em.create(GoodsReceiptLine, { goodsReceipt: receipt, lineNo: i + 1, product: line.productId, quantity: line.quantity, unitCost: line.unitCost, vatRate: line.vatRate, amount: line.amount, vat: line.vat }));
  }
}
