import type { Context } from '../../server/context';
import { Decimal, MAX_MONEY, vatOn } from '../../shared/money';
import { decimalPlaces, FieldReason, lineProblem, noSuch, problem, required, type FieldMessages, type FieldProblem } from '../../shared/field-errors';
import { isVatRate, VAT_RATES } from '../catalog/vat-rates';
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

/** Why the amount could not be spread, as a reason with its params (the English is the spreader's). */
function spreadProblem(error: LandedCostError, method: LandedCostMethod, line: LandedCostLineInput | null): FieldProblem {
  switch (error.code) {
    case 'INVALID_NUMBER':
      return problem(FieldReason.NOT_A_NUMBER, error.message);
    case 'AMOUNT_NOT_POSITIVE':
      return problem(FieldReason.GREATER_THAN, error.message, { min: 0 });
    case 'AMOUNT_NOT_IN_KOPECKS':
      return decimalPlaces(2, error.message);
    case 'NO_LINES':
    case 'MANUAL_AMOUNT_MISSING':
      return required(error.message);
    case 'NEGATIVE_BASE':
      return problem(FieldReason.NEGATIVE, error.message);
    case 'WEIGHT_MISSING':
      return problem(FieldReason.WEIGHT_MISSING, error.message);
    case 'ZERO_BASE_TOTAL':
      return problem(FieldReason.ZERO_BASE_TOTAL, error.message, { method });
    case 'MANUAL_AMOUNT_INVALID':
      return line?.manualAmount && new Decimal(line.manualAmount).isNegative() ? problem(FieldReason.NEGATIVE, error.message) : decimalPlaces(2, error.message);
    case 'MANUAL_SUM_MISMATCH':
      return problem(FieldReason.MANUAL_SUM_MISMATCH, error.message, error.params ?? {});
    default:
      return problem(FieldReason.INVALID, error.message);
  }
}

/** The amount (> 0, kopecks, within numeric(19,4)), VAT rate and description of a landed cost. */
export function checkHeader(input: { date: string; amount: string; method: LandedCostMethod; vatRate: string; description: string }, fields: FieldMessages): LandedCostHeader {
  const amount = new Decimal(input.amount);
  if (amount.lte(0)) fields.amount = problem(FieldReason.GREATER_THAN, 'must be greater than 0', { min: 0 });
  else if (amount.decimalPlaces() > 2) fields.amount = decimalPlaces(2, 'must be in kopecks (at most 2 decimal places)');
  else if (amount.gt(MAX_MONEY)) fields.amount = problem(FieldReason.TOO_LARGE, 'is too large');
  if (!isVatRate(input.vatRate)) fields.vatRate = problem(FieldReason.NOT_ONE_OF, 'the VAT rate must be 0, 10 or 22', { values: [...VAT_RATES] });
  else if (!fields.amount && amount.plus(vatOn(amount, input.vatRate)).gt(MAX_MONEY)) fields.amount = problem(FieldReason.TOO_LARGE, 'is too large with its VAT for the payable');
  if (!input.description.trim()) fields.description = required('must not be empty');
  return { date: input.date, amount: amount.toFixed(), method: input.method };
}

/** The sent lines, then every line of the listed receipts not already sent. */
export async function withReceipts(ctx: Context, lines: LandedCostLineInput[], receiptIds: string[], fields: FieldMessages): Promise<LandedCostLineInput[]> {
  if (!receiptIds.length) return lines;
  const rows: { receipt_id: string; id: string | null }[] = await ctx.em.execute(LINES_OF_RECEIPTS_SQL, [receiptIds]);
  const missing = receiptIds.filter((id) => !rows.some((r) => r.receipt_id === id));
  if (missing.length) fields.goodsReceiptIds = noSuch('GoodsReceipt', `no such goods receipt: ${missing.join(', ')}`);
  const listed = new Set(lines.map((l) => l.goodsReceiptLineId));
  return [...lines, ...rows.filter((r) => r.id && !listed.has(r.id)).map((r) => ({ goodsReceiptLineId: r.id! }))];
}

/**
 * Checks the lines (posted receipts dated on or before the landed cost, each line once)
 * and spreads the amount over them (spreadLandedCost: VALUE = the line's amount without
 * VAT, QUANTITY, WEIGHT = the line's weight or product weight × quantity, MANUAL).
 */
export async function allocate(ctx: Context, header: LandedCostHeader, lines: LandedCostLineInput[], fields: FieldMessages): Promise<AllocatedLine[]> {
  const ids = [...new Set(lines.map((l) => l.goodsReceiptLineId))];
  const rows: { id: string; number: string; status: string; date: string; product_id: string; quantity: string; amount: string }[] = ids.length ? await ctx.em.execute(RECEIPT_LINES_SQL, [ids]) : [];
  const products = await ctx.services.products.facts(ctx.em, rows.map((r) => r.product_id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const seen = new Map<string, number>();
  const bases = lines.map((line, i) => {
    const row = byId.get(line.goodsReceiptLineId);
    const field = `lines.${i}.goodsReceiptLineId`;
    const n = i + 1;
    if (!row) fields[field] = lineProblem(n, FieldReason.NOT_FOUND, 'no such goods receipt line', { entity: 'GoodsReceiptLine' });
    else if (seen.has(row.id)) fields[field] = lineProblem(n, FieldReason.REPEATED, `${row.number} line is listed twice`, { line: seen.get(row.id)! + 1 });
    else if (row.status !== DocumentStatus.POSTED) fields[field] = lineProblem(n, FieldReason.RECEIPT_NOT_POSTED, `goods receipt ${row.number} is ${row.status}; only a posted receipt's goods can carry a landed cost`, { number: row.number, status: row.status });
    else if (row.date > header.date) fields[field] = lineProblem(n, FieldReason.RECEIPT_AFTER, `goods receipt ${row.number} is dated ${row.date}, after the landed cost`, { number: row.number, date: row.date });
    if (!seen.has(line.goodsReceiptLineId)) seen.set(line.goodsReceiptLineId, i);
    const productWeight = row ? products.get(row.product_id)?.weight : null;
    const weight = line.weight ?? (productWeight != null && row ? new Decimal(productWeight).mul(row.quantity).toFixed() : null);
    return { lineId: String(i), quantity: row?.quantity ?? '0', value: row?.amount ?? '0', weight, manualAmount: line.manualAmount ?? null };
  });
  // a draft may wait for its lines; posting refuses one without (NO_LINES)
  if (Object.keys(fields).length || !lines.length) return [];
  const spread = spreadLandedCost(header.amount, bases, header.method);
  if (!spread.ok) {
    const index = spread.error.lineId === null ? -1 : Number(spread.error.lineId);
    const words = index < 0 ? spread.error.message : `line ${index + 1}: ${spread.error.message.replace(/^Line \d+:? ?/, '')}`;
    fields[fieldOf(spread.error, index, header.method)] = { ...spreadProblem(spread.error, header.method, index < 0 ? null : lines[index]), message: words };
    return [];
  }
  return lines.map((line, i) => ({ goodsReceiptLineId: line.goodsReceiptLineId, weight: line.weight ?? null, manualAmount: line.manualAmount ?? null, allocated: spread.allocations[i].amount }));
}

export function asInput(lines: readonly LandedCostLine[]): LandedCostLineInput[] {
  return lines.map((l) => ({ goodsReceiptLineId: l.goodsReceiptLine.id, weight: l.weight, manualAmount: l.manualAmount }));
}
