import { Decimal, roundMoney } from '../../shared/money';

/** A posted receipt line against an order line. */
export interface ReceivedPart {
  date: string;
  quantity: string;
  unitCost: string;
}

export interface LineFacts {
  ordered: string;
  /** The order's price, without VAT. */
  price: string;
  expectedDate: string | null;
  closed: boolean;
  /** Oldest first. */
  receipts: readonly ReceivedPart[];
}

export interface LineFigures {
  received: string;
  remaining: string;
  /** The date of the receipt that made the line whole; null while it is not. */
  completedOn: string | null;
  inFull: boolean;
  /** In full by the expected date (a line without one is on time once in full). */
  onTime: boolean;
  /** Days the completing receipt came after the expected date (0 when on time); null while not in full or without an expected date. */
  delayDays: number | null;
  /** Something left, not closed, and the expected date passed before `asOf`. */
  overdue: boolean;
  /** Σ round2((receipt unit cost − order price) × quantity): + when the supplier charged more. */
  priceVariance: string;
}

const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** What became of one order line as of a date (issue 14 §6). */
export function lineFigures(line: LineFacts, asOf: string): LineFigures {
  let received = new Decimal(0);
  let completedOn: string | null = null;
  let variance = new Decimal(0);
  for (const part of line.receipts) {
    received = received.plus(part.quantity);
    if (!completedOn && received.gte(line.ordered)) completedOn = part.date;
    variance = variance.plus(roundMoney(new Decimal(part.unitCost).minus(line.price).mul(part.quantity)));
  }
  const remaining = line.closed ? new Decimal(0) : Decimal.max(0, new Decimal(line.ordered).minus(received));
  const delayDays = completedOn && line.expectedDate ? Math.max(0, days(line.expectedDate, completedOn)) : null;
  return {
    received: received.toFixed(),
    remaining: remaining.toFixed(),
    completedOn,
    inFull: completedOn !== null,
    onTime: completedOn !== null && (delayDays ?? 0) === 0,
    delayDays,
    overdue: remaining.gt(0) && line.expectedDate !== null && line.expectedDate < asOf,
    priceVariance: roundMoney(variance),
  };
}

export interface SupplierFigures {
  orders: number;
  lines: number;
  linesOnTimeInFull: number;
  /** round2(linesOnTimeInFull / lines × 100); null without lines. */
  otifPercent: string | null;
  /** The mean delay of the lines in full with an expected date, round2; null without such lines. */
  averageDelayDays: string | null;
  priceVariance: string;
}

/** A supplier's orders of a period summed: OTIF counts every line of them, the delay only lines made whole. */
export function supplierFigures(orders: number, lines: readonly LineFigures[]): SupplierFigures {
  const otif = lines.filter((l) => l.inFull && l.onTime).length;
  const delays = lines.flatMap((l) => (l.delayDays === null ? [] : [l.delayDays]));
  return {
    orders,
    lines: lines.length,
    linesOnTimeInFull: otif,
    otifPercent: lines.length ? new Decimal(otif).mul(100).div(lines.length).toDecimalPlaces(2).toFixed(2) : null,
    averageDelayDays: delays.length ? new Decimal(delays.reduce((a, b) => a + b, 0)).div(delays.length).toDecimalPlaces(2).toFixed(2) : null,
    priceVariance: roundMoney(lines.reduce((sum, l) => sum.plus(l.priceVariance), new Decimal(0))),
  };
}
