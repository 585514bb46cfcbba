import type { Context } from '../../server/context';
import { ProductKind } from '../catalog/product.entity';
import { decimalPlaces, FieldReason, lineProblem, negative, noSuch, onLine, problem, required, type FieldMessages } from '../../shared/field-errors';
import { Decimal, MAX_MONEY, roundMoney, vatOn } from '../../shared/money';
import { isVatRate, VAT_RATES } from '../catalog/vat-rates';
import { CounterpartyRole } from '../crm/counterparty.entity';
import { checkLines } from '../inventory/stock-lines';
import { PriceType } from '../pricing/price-type.entity';
import { CustomerOrderLine, type CustomerOrder } from './order.entity';
import { discountWithoutVat, shareOf } from './sale-shares';
import type { ShipmentLineInput, ShipOrderLineInput } from './shipment.inputs';

/** A shipment line as it is stored. */
export interface ShipmentLineData {
  orderLineId: string | null;
  productId: string;
  quantity: string;
  unitPrice: string;
  amount: string;
  vatRate: string;
  vat: string;
  total: string;
  discount: string;
}

/**
 * Goods lines keyed `<prefix>.<index>.<field>`: an existing GOODS product (a service
 * line is refused: NOT_GOODS), active, and a quantity its unit can count (checkLines).
 */
export async function checkShippedGoods(ctx: Context, lines: readonly { productId: string; quantity: string }[], fields: FieldMessages, prefix = 'lines'): Promise<void> {
  const found: FieldMessages = {};
  await checkLines(ctx, lines, found);
  const facts = await ctx.services.products.facts(ctx.em, lines.map((l) => l.productId));
  lines.forEach((line, i) => {
    const product = facts.get(line.productId);
    if (product && !product.active && !found[`lines.${i}.productId`]) found[`lines.${i}.productId`] = lineProblem(i + 1, FieldReason.INACTIVE, `${product.sku} is not active`, { entity: 'Product', name: product.sku });
  });
  for (const [field, message] of Object.entries(found)) fields[field.replace(/^lines\./, `${prefix}.`)] = message;
}

/** A client the user may see, with the CLIENT role. */
export async function checkClient(ctx: Context, clientId: string | undefined, fields: FieldMessages): Promise<void> {
  if (!clientId) return;
  if (!(await ctx.services.counterparties.get(ctx, clientId))) fields.clientId = noSuch('Counterparty', 'no such client');
  else {
    const refused = await ctx.services.counterparties.roleProblem(ctx.em, clientId, CounterpartyRole.CLIENT);
    if (refused) fields.clientId = refused;
  }
}

/** Standalone lines: goods at a unit price without VAT (≥ 0, 4 places), a known VAT rate (the product's when not sent); VAT on top. */
export async function pricedLines(ctx: Context, lines: readonly ShipmentLineInput[], fields: FieldMessages, prefix = 'lines'): Promise<ShipmentLineData[]> {
  await checkShippedGoods(ctx, lines, fields, prefix);
  const facts = await ctx.services.products.facts(ctx.em, lines.map((l) => l.productId));
  return lines.map((line, i) => {
    const n = i + 1;
    const price = new Decimal(line.unitPrice);
    if (price.isNegative()) fields[`${prefix}.${i}.unitPrice`] = onLine(n, negative('the unit price must not be negative'));
    else if (price.decimalPlaces() > 4) fields[`${prefix}.${i}.unitPrice`] = onLine(n, decimalPlaces(4, 'the unit price must have at most 4 decimal places'));
    const rate = line.vatRate ?? facts.get(line.productId)?.vatRate ?? '0';
    const knownRate = isVatRate(String(rate));
    if (!knownRate) fields[`${prefix}.${i}.vatRate`] = lineProblem(n, FieldReason.NOT_ONE_OF, 'the VAT rate must be 0, 10 or 22', { values: [...VAT_RATES] });
    const amount = roundMoney(price.mul(line.quantity));
    if (new Decimal(amount).gt(MAX_MONEY.div(2))) fields[`${prefix}.${i}.unitPrice`] = lineProblem(n, FieldReason.TOO_LARGE, 'the amount is too large');
    const vat = knownRate ? vatOn(amount, rate) : '0.00';
    return { orderLineId: null, productId: line.productId, quantity: new Decimal(line.quantity).toFixed(), unitPrice: price.toFixed(), amount, vatRate: new Decimal(rate).toFixed(), vat, total: new Decimal(amount).plus(vat).toFixed(2), discount: '0.00' };
  });
}

/**
 * What to ship of an order, keyed `<prefix>.<index>.<field>`: each asked line names an
 * order line (or its product) once, for no more than is left of it (its quantity less
 * what posted shipments other than `excluding` took); nothing asked: every line with
 * something left, all of it. Each line carries its share of the order line's frozen
 * figures (shareOf, after what was shipped before it).
 */
export async function orderLines(ctx: Context, order: CustomerOrder, asked: readonly ShipOrderLineInput[] | null | undefined, fields: FieldMessages, options: { prefix?: string; excluding?: string } = {}): Promise<ShipmentLineData[]> {
  const prefix = options.prefix ?? 'lines';
  const lines = await ctx.em.find(CustomerOrderLine, { order: order.id }, { orderBy: { lineNo: 'asc' } });
  const shipping = await ctx.services.shipmentControl.shippingOf(ctx, [order.id], options.excluding);
  const shippedOf = (line: CustomerOrderLine) => new Decimal(shipping.get(line.id)?.shipped ?? 0);
  const leftOf = (line: CustomerOrderLine) => new Decimal(line.quantity).minus(shippedOf(line));
  const chosen: { line: CustomerOrderLine; quantity: string }[] = [];
  if (!asked) {
    // all that is left of its goods: its services are acted (service acts), not shipped
    const facts = await ctx.services.products.facts(ctx.em, lines.map((l) => l.product.id));
    for (const line of lines) if (leftOf(line).gt(0) && facts.get(line.product.id)?.kind !== ProductKind.SERVICE) chosen.push({ line, quantity: leftOf(line).toFixed() });
  } else {
    const seen = new Map<string, number>();
    asked.forEach((a, i) => {
      const n = i + 1;
      const line = a.orderLineId ? lines.find((l) => l.id === a.orderLineId) : a.productId ? lines.find((l) => l.product.id === a.productId) : undefined;
      const field = a.orderLineId || !a.productId ? 'orderLineId' : 'productId';
      if (!a.orderLineId && !a.productId) return void (fields[`${prefix}.${i}.orderLineId`] = onLine(n, required('name the order line or its product')));
      if (!line) return void (fields[`${prefix}.${i}.${field}`] = onLine(n, noSuch('OrderLine', 'not a line of the order')));
      if (seen.has(line.id)) return void (fields[`${prefix}.${i}.${field}`] = lineProblem(n, FieldReason.REPEATED, `the order line is already on line ${seen.get(line.id)! + 1}`, { line: seen.get(line.id)! + 1 }));
      seen.set(line.id, i);
      const quantity = new Decimal(a.quantity);
      if (quantity.gt(leftOf(line))) fields[`${prefix}.${i}.quantity`] = lineProblem(n, FieldReason.AT_MOST, `only ${leftOf(line).toFixed()} of ${new Decimal(line.quantity).toFixed()} is left to ship`, { max: leftOf(line).toFixed() });
      chosen.push({ line, quantity: a.quantity });
    });
  }
  await checkShippedGoods(ctx, chosen.map((c) => ({ productId: c.line.product.id, quantity: c.quantity })), fields, prefix);
  if (Object.keys(fields).length) return [];
  const priceType = await ctx.em.findOneOrFail(PriceType, order.priceType.id);
  return chosen.map(({ line, quantity }) => {
    const discount = discountWithoutVat(line.basePrice, line.quantity, line.amount, line.vatRate, priceType.vatIncluded);
    const share = shareOf({ total: line.total, vat: line.vat, discount }, line.quantity, shippedOf(line), quantity);
    return { orderLineId: line.id, productId: line.product.id, quantity: new Decimal(quantity).toFixed(), unitPrice: line.finalUnitPrice, vatRate: new Decimal(line.vatRate).toFixed(), ...share };
  });
}

/** Nothing left to ship: refused as a whole. */
export const nothingToShip = (number: string) => problem(FieldReason.NO_ROWS, `order ${number} has nothing left to ship`);
