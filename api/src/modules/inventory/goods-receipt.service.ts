import Decimal from 'decimal.js';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { documentConditions } from '../ledger/document.filter';
import type { Context } from '../../server/context';
import { findById, findForChange, isUuid, listPage } from '../../shared/crud';
import { AppError, badInput, ErrorCode, notFound } from '../../shared/errors';
import { emitAfterCommit } from '../../shared/event-bus';
import type { Page } from '../../shared/pagination';
import { ProductKind } from '../catalog/product.entity';
import { isVatRate } from '../catalog/vat-rates';
import { Counterparty, CounterpartyRole } from '../crm/counterparty.entity';
import { Warehouse } from './warehouse.entity';
import { repriceFromCost } from '../pricing/cost-prices';
import { nextDocumentNumber } from '../ledger/document-number';
import { DocumentStatus } from '../ledger/document-status';
import type { Recorder } from '../ledger/recorder';
import { assertPeriodOpen } from '../ledger/period-close.service';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import type { CreateGoodsReceiptInput, GoodsReceiptLineInput, GoodsReceiptListArgs, UpdateGoodsReceiptInput } from './goods-receipt.inputs';
import { consumersOfLots, deleteRecorder, writeStockMovements, type StockKey } from './stock-register';

export const STOCK_CHANGED = 'STOCK_CHANGED';
export const GOODS_RECEIPT = 'GoodsReceipt';

const SORTABLE = ['number', 'date', 'status', 'postedAt', 'createdAt', 'updatedAt'] as const;
const MAX_QUANTITY = new Decimal('999999999999999.999'); // numeric(18,3)
const MAX_MONEY = new Decimal('999999999999999.9999'); // numeric(19,4)

export const invalidState = (message: string, details: Record<string, unknown> = {}) => new AppError(ErrorCode.INVALID_STATE, message, details);
const invalidInput = (fields: Record<string, string>) => badInput(fields, `Invalid input: ${Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join('; ')}`);
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

interface CheckedLine {
  productId: string;
  quantity: string;
  unitCost: string;
  vatRate: string;
  amount: string;
  vat: string;
}

/**
 * Goods receipts (DESIGN §4): drafts are edited freely; posting writes one FIFO lot and
 * one stock movement per line, the payable (total with VAT) and one purchase VAT book
 * row per rate; unposting deletes exactly those rows. Every verb locks the receipt row
 * first, so two verbs on one receipt take turns.
 */
/** A counterparty with the SUPPLIER role, else a message under `field`. */
export async function checkSupplier(em: EntityManager, id: string | undefined | null, field: string, fields: Record<string, string>): Promise<void> {
  if (!id) return;
  const [c]: { name: string; roles: string[] | string }[] = await em.execute('select name, roles from counterparty where id = ?', [id]);
  const roles = c ? (Array.isArray(c.roles) ? c.roles : String(c.roles).replace(/[{}]/g, '').split(',')) : [];
  if (!c) fields[field] = 'no such counterparty';
  else if (!roles.includes(CounterpartyRole.SUPPLIER)) fields[field] = `${c.name} is not a supplier (give it the SUPPLIER role)`;
}

export class GoodsReceiptService {
  list(ctx: Context, args: GoodsReceiptListArgs): Promise<Page<GoodsReceipt>> {
    const f = args.filter;
    const conditions = documentConditions<GoodsReceipt>(f, ['number']);
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.supplierId) conditions.push({ supplier: f.supplierId });
    return listPage(ctx.em, GoodsReceipt, conditions, args, SORTABLE, 'number');
  }

  get(ctx: Context, id: string): Promise<GoodsReceipt | null> {
    return findById(ctx.em, GoodsReceipt, id);
  }

  async create(ctx: Context, input: CreateGoodsReceiptInput): Promise<GoodsReceipt> {
    const fields: Record<string, string> = {};
    await this.checkHeader(ctx.em, input.warehouseId, input.supplierId, fields);
    const lines = await this.checkLines(ctx.em, input.lines, fields);
    if (Object.keys(fields).length) throw invalidInput(fields);
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
    const receipt = await this.lock(ctx.em, id);
    await findForChange(ctx.em, GoodsReceipt, id, input.version);
    if (receipt.status !== DocumentStatus.DRAFT) throw invalidState(`Goods receipt ${receipt.number} is ${receipt.status}; only a draft can be edited`, { status: receipt.status });
    const fields: Record<string, string> = {};
    for (const key of ['date', 'warehouseId', 'supplierId'] as const) if (input[key] === null) fields[key] = 'must not be null';
    await this.checkHeader(ctx.em, input.warehouseId, input.supplierId, fields);
    const lines = input.lines ? await this.checkLines(ctx.em, input.lines, fields) : null;
    if (Object.keys(fields).length) throw invalidInput(fields);
    if (lines) {
      await receipt.lines.init();
      receipt.lines.removeAll();
      await ctx.em.flush();
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

  /** A draft only: a posted receipt is unposted or cancelled, never deleted. */
  async delete(ctx: Context, id: string): Promise<GoodsReceipt> {
    const receipt = await this.lock(ctx.em, id);
    if (receipt.status !== DocumentStatus.DRAFT) throw invalidState(`Goods receipt ${receipt.number} is ${receipt.status}; only a draft can be deleted`, { status: receipt.status });
    await receipt.lines.init();
    ctx.em.remove(receipt);
    await ctx.em.flush();
    return receipt;
  }

  async post(ctx: Context, id: string): Promise<GoodsReceipt> {
    const receipt = await this.lock(ctx.em, id);
    if (receipt.status !== DocumentStatus.DRAFT) throw invalidState(`Goods receipt ${receipt.number} is ${receipt.status}; only a draft can be posted`, { status: receipt.status });
    await assertPeriodOpen(ctx, receipt.date);
    const lines = await ctx.em.find(GoodsReceiptLine, { goodsReceipt: receipt.id }, { orderBy: { lineNo: 'asc' } });
    if (!lines.length) throw invalidState(`Goods receipt ${receipt.number} has no lines to post`, { reason: 'NO_LINES' });
    // the supplier, warehouse and products may have changed since the draft was written
    const fields: Record<string, string> = {};
    await this.checkHeader(ctx.em, receipt.warehouse.id, receipt.supplier.id, fields);
    await this.checkLines(ctx.em, lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitCost: l.unitCost, vatRate: l.vatRate })), fields);
    if (Object.keys(fields).length) throw invalidInput(fields);

    receipt.status = DocumentStatus.POSTED;
    receipt.postedAt = new Date();
    await ctx.em.flush();
    const recorder = this.recorder(receipt);
    const lots: { id: string; recorder_line: number; warehouse_id: string; product_id: string; qty_in: string; value_remaining: string }[] = await ctx.em.execute(CREATE_LOTS_SQL, [GOODS_RECEIPT, receipt.id]);
    await writeStockMovements(
      ctx.em,
      recorder,
      lots.map((lot) => ({ warehouseId: lot.warehouse_id, productId: lot.product_id, lotId: lot.id, date: receipt.date, quantity: String(lot.qty_in), cost: String(lot.value_remaining), recorderLine: lot.recorder_line })),
    );
    await ctx.em.execute(SETTLEMENT_SQL, [GOODS_RECEIPT, receipt.id]);
    await ctx.em.execute(VAT_BOOK_SQL, [GOODS_RECEIPT, receipt.id]);
    this.announce(ctx, lots.map((lot) => ({ warehouseId: lot.warehouse_id, productId: lot.product_id })));
    await repriceFromCost(ctx, receipt.date, lots.map((lot) => lot.product_id));
    return receipt;
  }

  async unpost(ctx: Context, id: string): Promise<GoodsReceipt> {
    const receipt = await this.lock(ctx.em, id);
    if (receipt.status !== DocumentStatus.POSTED) throw invalidState(`Goods receipt ${receipt.number} is ${receipt.status}; only a posted receipt can be unposted`, { status: receipt.status });
    await assertPeriodOpen(ctx, receipt.date);
    await this.retract(ctx, receipt);
    receipt.status = DocumentStatus.DRAFT;
    receipt.postedAt = null;
    await ctx.em.flush();
    return receipt;
  }

  /** A draft or a posted receipt becomes CANCELLED; a posted one loses its register rows first. */
  async cancel(ctx: Context, id: string): Promise<GoodsReceipt> {
    const receipt = await this.lock(ctx.em, id);
    if (receipt.status === DocumentStatus.CANCELLED) throw invalidState(`Goods receipt ${receipt.number} is already CANCELLED`, { status: receipt.status });
    if (receipt.status === DocumentStatus.POSTED) {
      await assertPeriodOpen(ctx, receipt.date);
      await this.retract(ctx, receipt);
    }
    receipt.status = DocumentStatus.CANCELLED;
    receipt.postedAt = null;
    await ctx.em.flush();
    return receipt;
  }

  private recorder(receipt: GoodsReceipt): Recorder {
    return { type: GOODS_RECEIPT, id: receipt.id };
  }

  /** Refuses when another document took from the receipt's lots; otherwise deletes its register rows and then its lots. */
  private async retract(ctx: Context, receipt: GoodsReceipt): Promise<void> {
    const recorder = this.recorder(receipt);
    const consumers = await consumersOfLots(ctx.em, recorder);
    if (consumers.length) {
      throw invalidState(`Goods receipt ${receipt.number} cannot be unposted: its lots were taken by ${consumers.map((c) => `${c.type} ${c.id}`).join(', ')}; unpost those first`, {
        reason: 'LOTS_CONSUMED',
        consumers: consumers.map((c) => ({ recorderType: c.type, recorderId: c.id })),
      });
    }
    const touched = await deleteRecorder(ctx.em, recorder);
    await ctx.em.execute('delete from stock_lot where recorder_type = ? and recorder_id = ?', [GOODS_RECEIPT, receipt.id]);
    this.announce(ctx, touched);
  }

  private announce(ctx: Context, keys: StockKey[]): void {
    const seen = new Set<string>();
    for (const key of keys) {
      const k = `${key.warehouseId}:${key.productId}`;
      if (seen.has(k)) continue;
      seen.add(k);
      emitAfterCommit(ctx, STOCK_CHANGED, { warehouseId: key.warehouseId, productId: key.productId });
    }
  }

  /** The receipt, locked until the transaction ends. */
  private async lock(em: EntityManager, id: string): Promise<GoodsReceipt> {
    const receipt = isUuid(id) ? await em.findOne(GoodsReceipt, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!receipt) throw notFound(GoodsReceipt.name, id);
    return receipt;
  }

  private async checkHeader(em: EntityManager, warehouseId: string | undefined, supplierId: string | undefined, fields: Record<string, string>): Promise<void> {
    if (warehouseId) {
      const [w]: { active: boolean }[] = await em.execute('select active from warehouse where id = ?', [warehouseId]);
      if (!w) fields.warehouseId = 'no such warehouse';
      else if (!w.active) fields.warehouseId = 'the warehouse is inactive';
    }
    await checkSupplier(em, supplierId, 'supplierId', fields);
  }

  /**
   * Lines keyed `lines.<index>.<field>` (index from 0, messages count from 1): a GOODS
   * product that exists, quantity > 0 with ≤ 3 places, unit cost ≥ 0 with ≤ 4 places, a
   * known VAT rate (the product's when not sent). Computes amount and VAT.
   */
  private async checkLines(em: EntityManager, lines: GoodsReceiptLineInput[], fields: Record<string, string>): Promise<CheckedLine[]> {
    const ids = [...new Set(lines.map((l) => l.productId))];
    const rows: { id: string; sku: string; kind: string; vat_rate: string }[] = ids.length ? await em.execute('select id, sku, kind, vat_rate from product where id in (?)', [ids]) : [];
    const products = new Map(rows.map((r) => [r.id, r]));
    return lines.map((line, i) => {
      const n = i + 1;
      const product = products.get(line.productId);
      if (!product) fields[`lines.${i}.productId`] = `line ${n}: no such product`;
      else if (product.kind !== ProductKind.GOODS) fields[`lines.${i}.productId`] = `line ${n}: ${product.sku} is a ${product.kind}; only GOODS are received into stock`;
      const quantity = new Decimal(line.quantity);
      if (quantity.lte(0)) fields[`lines.${i}.quantity`] = `line ${n}: the quantity must be greater than 0`;
      else if (quantity.decimalPlaces() > 3) fields[`lines.${i}.quantity`] = `line ${n}: the quantity must have at most 3 decimal places`;
      else if (quantity.gt(MAX_QUANTITY)) fields[`lines.${i}.quantity`] = `line ${n}: the quantity is too large`;
      const unitCost = new Decimal(line.unitCost);
      if (unitCost.isNegative()) fields[`lines.${i}.unitCost`] = `line ${n}: the unit cost must not be negative`;
      else if (unitCost.decimalPlaces() > 4) fields[`lines.${i}.unitCost`] = `line ${n}: the unit cost must have at most 4 decimal places`;
      const rate = line.vatRate ?? product?.vat_rate ?? '0';
      if (!isVatRate(String(rate))) fields[`lines.${i}.vatRate`] = `line ${n}: the VAT rate must be 0, 10 or 22`;
      const amount = round2(quantity.mul(unitCost));
      if (amount.gt(MAX_MONEY)) fields[`lines.${i}.unitCost`] = `line ${n}: the amount is too large`;
      const vat = round2(amount.mul(rate).div(100));
      return { productId: line.productId, quantity: quantity.toFixed(), unitCost: unitCost.toFixed(), vatRate: new Decimal(rate).toFixed(), amount: amount.toFixed(2), vat: vat.toFixed(2) };
    });
  }

  private addLines(em: EntityManager, receipt: GoodsReceipt, lines: CheckedLine[]): void {
    lines.forEach((line, i) => em.create(GoodsReceiptLine, { goodsReceipt: receipt, lineNo: i + 1, product: line.productId, quantity: line.quantity, unitCost: line.unitCost, vatRate: line.vatRate, amount: line.amount, vat: line.vat }));
  }
}
