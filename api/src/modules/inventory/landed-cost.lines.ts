import type { Context } from '../../server/context';
import { Decimal, MAX_MONEY, vatOn } from '../../shared/money';
import { isVatRate } from '../catalog/vat-rates';
import { DocumentStatus } from '../ledger/document-status';
import { spreadLandedCost, type LandedCostError } from './landed-cost-allocation';
import { LandedCostLine, LandedCostMethod } from './landed-cost.entity';
import type { LandedCostLineInput } from './landed-cost.inputs';

export interface LandedCostHeader {
  date: string;
  amount: string;
  method: LandedCostMethod;
}

export interface AllocatedLine {
  goodsReceiptLineId: string;
  weight: string | null;
  manualAmount: string | null;
  allocated: string;
}

const RECEIPT_LINES_SQL = `select l.id, r.number, r.status, r.date::text as date, l.product_id, l.quantity::text as quantity, l.amount::text as amount
  from goods_receipt_line l join goods_receipt r on r.id = l.goods_receipt_id
  where l.id in (?)`;

const LINES_OF_RECEIPTS_SQL = `select r.id as receipt_id, l.id from goods_receipt r left join goods_receipt_line l on l.goods_receipt_id = r.id
  where r.id in (?) order by r.date, r.number, l.line_no`;

/** The input field a spreading error is about: a line's weight or manual amount (the only bases typed in), else the amount or the lines. */
function fieldOf(error: LandedCostError, index: number, method: LandedCostMethod): string {
  if (index < 0) return error.code === 'NO_LINES' || error.code === 'ZERO_BASE_TOTAL' ? 'lines' : 'amount';
  if (method === LandedCostMethod.WEIGHT) return `lines.${index}.weight`;
  if (method === LandedCostMethod.MANUAL) return `lines.${index}.manualAmount`;
  return `lines.${index}.goodsReceiptLineId`;
}

/** The amount (> 0, kopecks, within numeric(19,4)), VAT rate and description of a landed cost. */
export function checkHeader(input: { date: string; amount: string; method: LandedCostMethod; vatRate: string; description: string }, fields: Record<string, string>): LandedCostHeader {
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
export async function withReceipts(ctx: Context, lines: LandedCostLineInput[], receiptIds: string[], fields: Record<string, string>): Promise<LandedCostLineInput[]> {
  if (!receiptIds.length) return lines;
  const rows: { receipt_id: string; id: string | null }[] = await ctx.em.execute(LINES_OF_RECEIPTS_SQL, [receiptIds]);
  const missing = receiptIds.filter((id) => !rows.some((r) => r.receipt_id === id));
  if (missing.length) fields.goodsReceiptIds = `no such goods receipt: ${missing.join(', ')}`;
  const listed = new Set(lines.map((l) => l.goodsReceiptLineId));
  return [...lines, ...rows.filter((r) => r.id && !listed.has(r.id)).map((r) => ({ goodsReceiptLineId: r.id! }))];
}

/**
 * Checks the lines (posted receipts dated on or before the landed cost, each line once)
 * and spreads the amount over them (spreadLandedCost: VALUE = the line's amount without
 * VAT, QUANTITY, WEIGHT = the line's weight or product weight × quantity, MANUAL).
 */
export async function allocate(ctx: Context, header: LandedCostHeader, lines: LandedCostLineInput[], fields: Record<string, string>): Promise<AllocatedLine[]> {
  const ids = [...new Set(lines.map((l) => l.goodsReceiptLineId))];
  const rows: { id: string; number: string; status: string; date: string; product_id: string; quantity: string; amount: string }[] = ids.length ? await ctx.em.execute(RECEIPT_LINES_SQL, [ids]) : [];
  const products = await ctx.services.products.facts(ctx.em, rows.map((r) => r.product_id));
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
    const productWeight = row ? products.get(row.product_id)?.weight : null;
    const weight = line.weight ?? (productWeight != null && row ? new Decimal(productWeight).mul(row.quantity).toFixed() : null);
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

export function asInput(lines: readonly LandedCostLine[]): LandedCostLineInput[] {
  return lines.map((l) => ({ goodsReceiptLineId: l.goodsReceiptLine.id, weight: l.weight, manualAmount: l.manualAmount }));
}
