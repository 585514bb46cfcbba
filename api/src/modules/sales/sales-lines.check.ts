import type { Context } from '../../server/context';
import { FieldReason, decimalPlaces, lineProblem, negative, noSuch, onLine, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal, MAX_MONEY } from '../../shared/money';
import { ProductKind } from '../catalog/product.entity';
import { isVatRate, VAT_RATES } from '../catalog/vat-rates';
import { CounterpartyRole } from '../crm/counterparty.entity';
import { priceSalesLine, type SalesLineFigures } from './sales-document-lines';

/** A line as a sales document's input gives it. */
export interface SalesLineInput {
  productId: string;
  quantity: string;
  price: string;
  vatRate?: string | null;
}

/** A checked, priced line. */
export interface CheckedSalesLine extends SalesLineFigures {
  productId: string;
  quantity: string;
  price: string;
  vatRate: string;
  discount?: string;
}

/** The client: one the caller may see (else no such), with the CLIENT role. */
export async function checkClient(ctx: Context, clientId: string, fields: FieldMessages, field = 'clientId'): Promise<void> {
  if (!(await ctx.services.counterparties.get(ctx, clientId))) fields[field] = noSuch('Counterparty', 'no such client');
  else {
    const refused = await ctx.services.counterparties.roleProblem(ctx.em, clientId, CounterpartyRole.CLIENT);
    if (refused) fields[field] = refused;
  }
}

/**
 * A sales document's lines, keyed `lines.<index>.<field>`: an active product (a SERVICE
 * where `servicesOnly`), quantity > 0 in its unit's places, price ≥ 0 with ≤ 4 places, a
 * known VAT rate (the product's when not sent). Prices each line (priceSalesLine).
 */
export async function checkSalesLines(ctx: Context, lines: readonly SalesLineInput[], vatIncluded: boolean, options: { servicesOnly: boolean }, fields: FieldMessages): Promise<CheckedSalesLine[]> {
  const facts = await ctx.services.products.facts(ctx.em, lines.map((l) => l.productId));
  await ctx.services.products.checkQuantities(ctx, lines, fields);
  return lines.map((line, i) => {
    const n = i + 1;
    const product = facts.get(line.productId);
    if (!product) fields[`lines.${i}.productId`] = onLine(n, noSuch('Product', 'no such product'));
    else if (!product.active) fields[`lines.${i}.productId`] = lineProblem(n, FieldReason.INACTIVE, `${product.sku} is not active`, { entity: 'Product', name: product.sku });
    else if (options.servicesOnly && product.kind !== ProductKind.SERVICE) {
      fields[`lines.${i}.productId`] = lineProblem(n, FieldReason.NOT_A_SERVICE, `${product.sku} is ${product.kind}; a service act takes services only`, { sku: product.sku, kind: product.kind });
    }
    const quantity = new Decimal(line.quantity);
    if (quantity.lte(0)) fields[`lines.${i}.quantity`] = lineProblem(n, FieldReason.GREATER_THAN, 'the quantity must be greater than 0', { min: 0 });
    const price = new Decimal(line.price);
    if (price.isNegative()) fields[`lines.${i}.price`] = onLine(n, negative('the price must not be negative'));
    else if (price.decimalPlaces() > 4) fields[`lines.${i}.price`] = onLine(n, decimalPlaces(4, 'the price must have at most 4 decimal places'));
    const rate = line.vatRate ?? product?.vatRate ?? '0';
    if (!isVatRate(String(rate))) fields[`lines.${i}.vatRate`] = lineProblem(n, FieldReason.NOT_ONE_OF, 'the VAT rate must be 0, 10 or 22', { values: [...VAT_RATES] });
    const figures = isVatRate(String(rate)) && quantity.gt(0) ? priceSalesLine(quantity.toFixed(), price.toFixed(), String(rate), vatIncluded) : { amount: '0.00', vat: '0.00', total: '0.00' };
    if (new Decimal(figures.total).gt(MAX_MONEY) && !fields[`lines.${i}.price`]) fields[`lines.${i}.price`] = problem(FieldReason.TOO_LARGE, `line ${n}: the amount is too large`);
    return { productId: line.productId, quantity: quantity.toFixed(), price: price.toFixed(), vatRate: new Decimal(rate).toFixed(), ...figures };
  });
}
