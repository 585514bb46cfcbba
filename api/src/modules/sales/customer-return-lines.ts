import type { Context } from '../../server/context';
import { FieldReason, lineProblem, noSuch, onLine, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import { checkLines } from '../inventory/stock-lines';
import type { ReturnCondition } from './customer-return.entity';
import { shareOf, type SaleShare } from './sale-shares';
import { ShipmentLine } from './shipment.entity';

/** A return line as it is stored: the shipment line, how much comes back, and its share of that line's figures. */
export interface ReturnLineData extends SaleShare {
  shipmentLineNo: number;
  productId: string;
  quantity: string;
  condition: ReturnCondition;
  vatRate: string;
  /** What posted returns other than this one brought back of the shipment line before. */
  alreadyReturned: string;
}

const RETURNED_SQL = `select rl.shipment_line_no, sum(rl.quantity)::text as returned
  from customer_return_line rl join customer_return r on r.id = rl.customer_return_id
  where r.shipment_id = ? and r.status = 'POSTED' and r.id <> ?
  group by rl.shipment_line_no`;

const NO_RETURN = '00000000-0000-0000-0000-000000000000';

/**
 * The lines of a return from one shipment, keyed `lines.<index>.<field>`: each names a
 * line of the shipment once, for a quantity its unit can count and no more than the line
 * shipped less what posted returns (other than `excluding`) brought back. Each carries its
 * share of the shipment line's revenue, VAT and discount, after what came back before it,
 * so returning a line in parts gives back exactly its figures.
 */
export async function returnLines(ctx: Context, shipmentId: string, lines: readonly { shipmentLineNo: number; quantity: string; condition: ReturnCondition }[], fields: FieldMessages, excluding = NO_RETURN): Promise<ReturnLineData[]> {
  const shipped = new Map((await ctx.em.find(ShipmentLine, { shipment: shipmentId })).map((l) => [l.lineNo, l]));
  const returned: { shipment_line_no: number; returned: string }[] = await ctx.em.execute(RETURNED_SQL, [shipmentId, excluding]);
  const before = new Map(returned.map((r) => [Number(r.shipment_line_no), new Decimal(r.returned)]));
  const seen = new Map<number, number>();
  const found: ShipmentLine[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    const source = shipped.get(line.shipmentLineNo);
    if (!source) return void (fields[`lines.${i}.shipmentLineNo`] = onLine(n, noSuch('ShipmentLine', 'not a line of the shipment')));
    if (seen.has(line.shipmentLineNo)) return void (fields[`lines.${i}.shipmentLineNo`] = lineProblem(n, FieldReason.REPEATED, `the shipment line is already on line ${seen.get(line.shipmentLineNo)! + 1}`, { line: seen.get(line.shipmentLineNo)! + 1 }));
    seen.set(line.shipmentLineNo, i);
    found[i] = source;
    const left = new Decimal(source.quantity).minus(before.get(line.shipmentLineNo) ?? 0);
    if (new Decimal(line.quantity).gt(left)) fields[`lines.${i}.quantity`] = lineProblem(n, FieldReason.AT_MOST, `only ${left.toFixed()} of the ${new Decimal(source.quantity).toFixed()} shipped can still come back`, { max: left.toFixed() });
  });
  const checked: FieldMessages = {};
  await checkLines(ctx, lines.map((l, i) => ({ productId: found[i]?.product.id ?? shipped.values().next().value?.product.id ?? '', quantity: l.quantity })), checked);
  for (const [field, message] of Object.entries(checked)) if (field.endsWith('.quantity') && !fields[field]) fields[field] = message;
  if (Object.keys(fields).length) return [];
  return lines.map((line, i) => {
    const source = found[i];
    const alreadyReturned = (before.get(line.shipmentLineNo) ?? new Decimal(0)).toFixed();
    const share = shareOf({ total: source.total, vat: source.vat, discount: source.discount }, source.quantity, alreadyReturned, line.quantity);
    return { shipmentLineNo: line.shipmentLineNo, productId: source.product.id, quantity: new Decimal(line.quantity).toFixed(), condition: line.condition, vatRate: source.vatRate, alreadyReturned, ...share };
  });
}
