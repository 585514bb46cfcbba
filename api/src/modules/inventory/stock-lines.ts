import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { invalidState } from '../../shared/errors';
import { decimalPlaces, FieldReason, noSuch, onLine, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal, MAX_QUANTITY, QUANTITY_SCALE } from '../../shared/money';
import { ProductKind } from '../catalog/product.entity';
import { quantityProblem } from '../catalog/unit-precision';
import { CounterpartyRole } from '../crm/counterparty.entity';
import type { Posting } from '../ledger/posting';

export interface CheckedLine {
  productId: string;
  quantity: string;
  /** The product's VAT rate (a receipt line's default). */
  productVatRate?: string;
}

/** A document line as its posting reads it. */
export interface PostedLine {
  lineNo: number;
  productId: string;
  quantity: string;
}

export async function checkWarehouse(em: EntityManager, id: string | undefined, field: string, fields: FieldMessages): Promise<void> {
  if (!id) return;
  const [w]: { name: string; active: boolean }[] = await em.execute('select name, active from warehouse where id = ?', [id]);
  if (!w) fields[field] = noSuch('Warehouse', 'no such warehouse');
  else if (!w.active) fields[field] = problem(FieldReason.INACTIVE, 'the warehouse is inactive', { entity: 'Warehouse', name: w.name });
}

/** A counterparty with the SUPPLIER role, else a message under `field`. */
export async function checkSupplier(ctx: Context, id: string | undefined | null, field: string, fields: FieldMessages): Promise<void> {
  if (!id) return;
  const refused = await ctx.services.counterparties.roleProblem(ctx.em, id, CounterpartyRole.SUPPLIER);
  if (refused) fields[field] = refused;
}

/**
 * Lines keyed `lines.<index>.<field>`: a GOODS product that exists (the catalog's
 * facts), quantity > 0 (≥ 0 with allowZero) with ≤ 3 places, within numeric(18,3), and
 * with no more places than the product's unit counts in (2.5 pcs is refused; the units
 * come with the facts, one statement for all lines); `quantityField` names the quantity
 * in the input.
 */
export async function checkLines(ctx: Context, lines: readonly { productId: string; quantity: string }[], fields: FieldMessages, { allowZero = false, quantityField = 'quantity' } = {}): Promise<CheckedLine[]> {
  const products = await ctx.services.products.facts(ctx.em, lines.map((l) => l.productId));
  return lines.map((line, i) => {
    const n = i + 1;
    const product = products.get(line.productId);
    if (!product) fields[`lines.${i}.productId`] = onLine(n, noSuch('Product', 'no such product'));
    else if (product.kind !== ProductKind.GOODS) fields[`lines.${i}.productId`] = onLine(n, problem(FieldReason.NOT_GOODS, `${product.sku} is a ${product.kind}; only GOODS are kept in stock`, { sku: product.sku, kind: product.kind }));
    const quantity = new Decimal(line.quantity);
    const field = `lines.${i}.${quantityField}`;
    if (allowZero ? quantity.lt(0) : quantity.lte(0)) fields[field] = onLine(n, allowZero ? problem(FieldReason.NEGATIVE, 'the quantity must be zero or more') : problem(FieldReason.GREATER_THAN, 'the quantity must be greater than 0', { min: 0 }));
    else if (quantity.decimalPlaces() > QUANTITY_SCALE) fields[field] = onLine(n, decimalPlaces(QUANTITY_SCALE, 'the quantity must have at most 3 decimal places'));
    else if (quantity.gt(MAX_QUANTITY)) fields[field] = onLine(n, problem(FieldReason.TOO_LARGE, 'the quantity is too large'));
    else {
      const unfit = product && quantityProblem(quantity, product.unit);
      if (unfit) fields[field] = onLine(n, unfit);
    }
    return { productId: line.productId, quantity: quantity.toFixed(), productVatRate: product?.vatRate };
  });
}

/** INVALID_STATE NO_LINES: a document without lines posts nothing. */
export function requireLines(posting: Posting, lines: readonly unknown[]): void {
  if (!lines.length) throw invalidState(`${posting.name} has no lines to post`, { reason: 'NO_LINES' });
}
