import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange, listPage } from '../../shared/crud';
import { badInput, invalidState } from '../../shared/errors';
import type { Page } from '../../shared/pagination';
import { isVatRate, vatOn } from '../catalog/vat-rates';
import { repriceFromCost } from '../pricing/cost-prices';
import { Counterparty } from '../crm/counterparty.entity';
import { nextDocumentNumber } from '../ledger/document-number';
import { DocumentStatus } from '../ledger/document-status';
import { documentConditions } from '../ledger/document.filter';
import type { Recorder } from '../ledger/recorder';
import { AdjustmentBatch, adjustLot, reverseAdjustments, writeAdjustments } from './cost-adjustment';
import { checkSupplier } from './goods-receipt.service';
import { spreadLandedCost, type LandedCostError } from './landed-cost-allocation';
import { LandedCost, LandedCostLine, LandedCostMethod } from './landed-cost.entity';
import type { CreateLandedCostInput, LandedCostLineInput, LandedCostListArgs, UpdateLandedCostInput } from './landed-cost.inputs';
import { DOCUMENT_SORTABLE, StockDocumentService, type CheckedLine, type PostedLine } from './stock-document.service';
import type { StockKey } from './stock-register';

export const LANDED_COST = 'LandedCost';

const SORTABLE = [...DOCUMENT_SORTABLE, 'amount'] as const;
const MAX_MONEY = new Decimal('999999999999999.99');

const RECEIPT_LINES_SQL = `select l.id, l.line_no, r.id as receipt_id, r.number, r.status, r.date::text as date, l.product_id, p.sku,
    l.quantity::text as quantity, l.amount::text as amount, p.weight::text as product_weight
  from goods_receipt_line l join goods_receipt r on r.id = l.goods_receipt_id join product p on p.id = l.product_id
  where l.id in (?)`;

const LINES_OF_RECEIPTS_SQL = `select r.id as receipt_id, l.id from goods_receipt r left join goods_receipt_line l on l.goods_receipt_id = r.id
  where r.id in (?) order by r.date, r.number, l.line_no`;

const RECEIPT_LOT_SQL = `select lot.id from landed_cost_line c
  join goods_receipt_line l on l.id = c.goods_receipt_line_id
  join stock_lot lot on lot.recorder_type = 'GoodsReceipt' and lot.recorder_id = l.goods_receipt_id and lot.recorder_line = l.line_no
  where c.id = ?`;

/** The payable: amount + VAT, owed to the supplier from the landed cost's date. */
const SETTLEMENT_SQL = `insert into supplier_settlement (id, counterparty_id, date, amount, recorder_type, recorder_id, recorder_line)
  select gen_random_uuid(), supplier_id, date, amount + vat, ?, id, 0 from landed_cost where id = ?`;

const VAT_BOOK_SQL = `insert into purchase_vat_book (id, supplier_id, date, rate, amount, vat, recorder_type, recorder_id, recorder_line)
  select gen_random_uuid(), supplier_id, date, vat_rate, amount, vat, ?, id, 1 from landed_cost where id = ? and vat > 0`;

interface Header {
  date: string;
  amount: string;
  method: LandedCostMethod;
}

interface AllocatedLine {
  goodsReceiptLineId: string;
  weight: string | null;
  manualAmount: string | null;
  allocated: string;
}

/** The input field a spreading error is about: a line's weight or manual amount (the only bases typed in), else the amount or the lines. */
function fieldOf(error: LandedCostError, index: number, method: LandedCostMethod): string {
  if (index < 0) return error.code === 'NO_LINES' || error.code === 'ZERO_BASE_TOTAL' ? 'lines' : 'amount';
  if (method === LandedCostMethod.WEIGHT) return `lines.${index}.weight`;
  if (method === LandedCostMethod.MANUAL) return `lines.${index}.manualAmount`;
  return `lines.${index}.goodsReceiptLineId`;
}

/**
 * Landed costs (LC-YYYY-NNNNNN): an amount from a supplier spread over posted receipt
 * lines (spreadLandedCost: VALUE = the line's amount without VAT, QUANTITY, WEIGHT =
 * the line's weight or product weight × quantity, MANUAL). The allocation is worked out
 * on every save and again when posting. Posting gives each line's lot its part through
 * adjustLot (what is still there is raised; what left is adjusted where it went), owes
 * the supplier amount + VAT and books the VAT; unposting takes all of it back, refused
 * while documents have taken from a raised lot since (they took at the raised cost).
 */
export class LandedCostService extends StockDocumentService<LandedCost> {
  protected readonly entity = LandedCost;
  protected readonly type = LANDED_COST;
  protected readonly label = 'Landed cost';

  list(ctx: Context, args: LandedCostListArgs): Promise<Page<LandedCost>> {
    const f = args.filter;
    const conditions = documentConditions<LandedCost>(f, ['number', 'description']);
    if (f?.supplierId) conditions.push({ supplier: f.supplierId });
    if (f?.goodsReceiptId) conditions.push({ lines: { goodsReceiptLine: { goodsReceipt: f.goodsReceiptId } } });
    return listPage(ctx.em, LandedCost, conditions, args, SORTABLE, 'number');
  }

  async create(ctx: Context, input: CreateLandedCostInput): Promise<LandedCost> {
    const fields: Record<string, string> = {};
    const header = this.checkHeader(input, fields);
    await checkSupplier(ctx.em, input.supplierId, 'supplierId', fields);
    const lines = await this.allocate(ctx.em, header, await this.withReceipts(ctx.em, input.lines, input.goodsReceiptIds, fields), fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const doc = ctx.em.create(LandedCost, {
      number: await nextDocumentNumber(ctx.em, 'LC', input.date),
      date: input.date,
      supplier: input.supplierId,
      description: input.description.trim(),
      amount: header.amount,
      vatRate: new Decimal(input.vatRate).toFixed(),
      vat: vatOn(header.amount, input.vatRate),
      method: input.method,
      comment: input.comment?.trim() || null,
    });
    this.addLines(ctx.em, doc, lines);
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string, input: UpdateLandedCostInput): Promise<LandedCost> {
    const doc = await this.lockDraft(ctx.em, id, 'edited');
    await findForChange(ctx.em, LandedCost, id, input.version);
    const fields: Record<string, string> = {};
    for (const key of ['date', 'supplierId', 'description', 'amount', 'vatRate', 'method'] as const) if (input[key] === null) fields[key] = 'must not be null';
    const header = this.checkHeader(
      { date: input.date ?? doc.date, amount: input.amount ?? doc.amount, method: input.method ?? doc.method, vatRate: input.vatRate ?? doc.vatRate, description: input.description ?? doc.description },
      fields,
    );
    await checkSupplier(ctx.em, input.supplierId, 'supplierId', fields);
    const replace = input.lines != null || input.goodsReceiptIds != null;
    const existing = await ctx.em.find(LandedCostLine, { landedCost: doc.id }, { orderBy: { lineNo: 'asc' } });
    const sent = replace
      ? await this.withReceipts(ctx.em, input.lines ?? [], input.goodsReceiptIds ?? [], fields)
      : this.asInput(existing);
    const lines = await this.allocate(ctx.em, header, sent, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (replace) {
      await this.clearLines(ctx.em, doc);
      this.addLines(ctx.em, doc, lines);
    } else existing.forEach((l, i) => (l.allocated = lines[i].allocated));
    doc.date = header.date;
    doc.amount = header.amount;
    doc.method = header.method;
    if (input.vatRate != null) doc.vatRate = new Decimal(input.vatRate).toFixed();
    doc.vat = vatOn(doc.amount, doc.vatRate);
    if (input.description != null) doc.description = input.description.trim();
    if (input.supplierId) doc.supplier = ctx.em.getReference(Counterparty, input.supplierId, { wrapped: true });
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    doc.updatedAt = new Date();
    await ctx.em.flush();
    return doc;
  }

  private checkHeader(input: { date: string; amount: string; method: LandedCostMethod; vatRate: string; description: string }, fields: Record<string, string>): Header {
    const amount = new Decimal(input.amount);
    if (amount.lte(0)) fields.amount = 'must be greater than 0';
    else if (amount.decimalPlaces() > 2) fields.amount = 'must be in kopecks (at most 2 decimal places)';
    else if (amount.gt(MAX_MONEY)) fields.amount = 'is too large';
    if (!isVatRate(input.vatRate)) fields.vatRate = 'the VAT rate must be 0, 10 or 22';
    else if (!fields.amount && amount.plus(vatOn(amount, input.vatRate)).gt(MAX_MONEY)) fields.amount = 'is too large with its VAT for the payable';
    if (!input.description.trim()) fields.description = 'must not be empty';
    return { date: input.date, amount: amount.toFixed(), method: input.method };
  }

  /** The sent lines, then every line of the listed receipts not already sent. */
  private async withReceipts(em: EntityManager, lines: LandedCostLineInput[], receiptIds: string[], fields: Record<string, string>): Promise<LandedCostLineInput[]> {
    if (!receiptIds.length) return lines;
    const rows: { receipt_id: string; id: string | null }[] = await em.execute(LINES_OF_RECEIPTS_SQL, [receiptIds]);
    const missing = receiptIds.filter((id) => !rows.some((r) => r.receipt_id === id));
    if (missing.length) fields.goodsReceiptIds = `no such goods receipt: ${missing.join(', ')}`;
    const listed = new Set(lines.map((l) => l.goodsReceiptLineId));
    return [...lines, ...rows.filter((r) => r.id && !listed.has(r.id)).map((r) => ({ goodsReceiptLineId: r.id! }))];
  }

  /** Checks the lines (posted receipts dated on or before the landed cost, each line once) and spreads the amount over them. */
  private async allocate(em: EntityManager, header: Header, lines: LandedCostLineInput[], fields: Record<string, string>): Promise<AllocatedLine[]> {
    const ids = [...new Set(lines.map((l) => l.goodsReceiptLineId))];
    const rows: { id: string; number: string; status: string; date: string; sku: string; quantity: string; amount: string; product_weight: string | null }[] = ids.length ? await em.execute(RECEIPT_LINES_SQL, [ids]) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const seen = new Set<string>();
    const bases = lines.map((line, i) => {
      const row = byId.get(line.goodsReceiptLineId);
      const field = `lines.${i}.goodsReceiptLineId`;
      if (!row) fields[field] = `line ${i + 1}: no such goods receipt line`;
      else if (seen.has(row.id)) fields[field] = `line ${i + 1}: ${row.number} line is listed twice`;
      else if (row.status !== DocumentStatus.POSTED) fields[field] = `line ${i + 1}: goods receipt ${row.number} is ${row.status}; only a posted receipt's goods can carry a landed cost`;
      else if (row.date > header.date) fields[field] = `line ${i + 1}: goods receipt ${row.number} is dated ${row.date}, after the landed cost`;
      seen.add(line.goodsReceiptLineId);
      const weight = line.weight ?? (row?.product_weight != null ? new Decimal(row.product_weight).mul(row.quantity).toFixed() : null);
      return { lineId: String(i), quantity: row?.quantity ?? '0', value: row?.amount ?? '0', weight, manualAmount: line.manualAmount ?? null };
    });
    // a draft may wait for its lines; posting refuses one without (NO_LINES)
    if (Object.keys(fields).length || !lines.length) return [];
    const spread = spreadLandedCost(header.amount, bases, header.method);
    if (!spread.ok) {
      const index = spread.error.lineId === null ? -1 : Number(spread.error.lineId);
      fields[fieldOf(spread.error, index, header.method)] = index < 0 ? spread.error.message : `line ${index + 1}: ${spread.error.message.replace(/^Line \d+:? ?/, '')}`;
      return [];
    }
    return lines.map((line, i) => ({ goodsReceiptLineId: line.goodsReceiptLineId, weight: line.weight ?? null, manualAmount: line.manualAmount ?? null, allocated: spread.allocations[i].amount }));
  }

  private addLines(em: EntityManager, doc: LandedCost, lines: AllocatedLine[]): void {
    lines.forEach((l, i) => em.create(LandedCostLine, { landedCost: doc, lineNo: i + 1, goodsReceiptLine: l.goodsReceiptLineId, weight: l.weight, manualAmount: l.manualAmount, allocated: l.allocated }));
  }

  protected replaceLines(): Promise<void> {
    throw new Error('landed cost lines are replaced by update');
  }

  protected async linesOf(em: EntityManager, doc: LandedCost): Promise<PostedLine[]> {
    const rows: { line_no: number; product_id: string; quantity: string }[] = await em.execute(
      'select c.line_no, l.product_id, l.quantity::text as quantity from landed_cost_line c join goods_receipt_line l on l.id = c.goods_receipt_line_id where c.landed_cost_id = ? order by c.line_no',
      [doc.id],
    );
    return rows.map((r) => ({ lineNo: r.line_no, productId: r.product_id, quantity: r.quantity }));
  }

  /** Posting checks the lines and the spread again: receipts may have been unposted since the draft was saved. */
  protected async checkPostedLines(): Promise<CheckedLine[]> {
    return [];
  }

  protected async checkDocument(em: EntityManager, doc: LandedCost, _lines: CheckedLine[], fields: Record<string, string>): Promise<void> {
    await checkSupplier(em, doc.supplier.id, 'supplierId', fields);
    await this.allocate(em, doc, this.asInput(await this.savedLines(em, doc)), fields);
  }

  private asInput(lines: LandedCostLine[]): LandedCostLineInput[] {
    return lines.map((l) => ({ goodsReceiptLineId: l.goodsReceiptLine.id, weight: l.weight, manualAmount: l.manualAmount }));
  }

  private async savedLines(em: EntityManager, doc: LandedCost): Promise<LandedCostLine[]> {
    return em.find(LandedCostLine, { landedCost: doc.id }, { orderBy: { lineNo: 'asc' } });
  }

  protected async write(ctx: Context, doc: LandedCost, recorder: Recorder): Promise<StockKey[]> {
    const em = ctx.em;
    const lines = await this.savedLines(em, doc);
    const fields: Record<string, string> = {};
    const allocated = await this.allocate(em, doc, this.asInput(lines), fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const batch = new AdjustmentBatch(em, recorder, doc.date);
    for (const [i, line] of lines.entries()) {
      line.allocated = allocated[i].allocated;
      if (new Decimal(line.allocated).isZero()) continue;
      const [lot]: { id: string }[] = await em.execute(RECEIPT_LOT_SQL, [line.id]);
      if (!lot) throw invalidState(`Line ${line.lineNo}: the receipt line has no lot`, { lineNo: line.lineNo });
      batch.line = line.lineNo;
      await adjustLot(batch, lot.id, line.allocated);
    }
    const touched = await writeAdjustments(batch);
    await em.execute(SETTLEMENT_SQL, [recorder.type, doc.id]);
    await em.execute(VAT_BOOK_SQL, [recorder.type, doc.id]);
    await em.flush();
    await repriceFromCost(ctx, doc.date, touched.map((t) => t.productId));
    return touched;
  }

  protected async afterRetract(em: EntityManager, doc: LandedCost): Promise<void> {
    await reverseAdjustments(em, { type: this.type, id: doc.id }, this.name(doc));
  }
}
