import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { invalidState } from '../../shared/errors';
import { Decimal, MAX_QUANTITY } from '../../shared/money';
import { ProductKind } from '../catalog/product.entity';
import { CounterpartyRole } from '../crm/counterparty.entity';
import type { Posting } from '../ledger/posting';

export { DOCUMENT_SORTABLE } from '../ledger/document.service';

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

export async function checkWarehouse(em: EntityManager, id: string | undefined, field: string, fields: Record<string, string>): Promise<void> {
  if (!id) return;
  const [w]: { active: boolean }[] = await em.execute('select active from warehouse where id = ?', [id]);
  if (!w) fields[field] = 'no such warehouse';
  else if (!w.active) fields[field] = 'the warehouse is inactive';
}

/** A counterparty with the SUPPLIER role, else a message under `field`. */
export async function checkSupplier(ctx: Context, id: string | undefined | null, field: string, fields: Record<string, string>): Promise<void> {
  if (!id) return;
  const problem = await ctx.services.counterparties.roleProblem(ctx.em, id, CounterpartyRole.SUPPLIER);
  if (problem) fields[field] = problem;
}

/**
 * Lines keyed `lines.<index>.<field>`: a GOODS product that exists (the catalog's
 * facts), quantity > 0 (≥ 0 with allowZero) with ≤ 3 places, within numeric(18,3);
 * `quantityField` names the quantity in the input.
 */
export async function checkLines(ctx: Context, lines: readonly { productId: string; quantity: string }[], fields: Record<string, string>, { allowZero = false, quantityField = 'quantity' } = {}): Promise<CheckedLine[]> {
  const products = await ctx.services.products.facts(ctx.em, lines.map((l) => l.productId));
  return lines.map((line, i) => {
    const n = i + 1;
    const product = products.get(line.productId);
    if (!product) fields[`lines.${i}.productId`] = `line ${n}: no such product`;
    else if (product.kind !== ProductKind.GOODS) fields[`lines.${i}.productId`] = `line ${n}: ${product.sku} is a ${product.kind}; only GOODS are kept in stock`;
    const quantity = new Decimal(line.quantity);
    const field = `lines.${i}.${quantityField}`;
    if (allowZero ? quantity.lt(0) : quantity.lte(0)) fields[field] = `line ${n}: the quantity must be ${allowZero ? 'zero or more' : 'greater than 0'}`;
    else if (quantity.decimalPlaces() > 3) fields[field] = `line ${n}: the quantity must have at most 3 decimal places`;
    else if (quantity.gt(MAX_QUANTITY)) fields[field] = `line ${n}: the quantity is too large`;
    return { productId: line.productId, quantity: quantity.toFixed(), productVatRate: product?.vatRate };
  });
}

/** INVALID_STATE NO_LINES: a document without lines posts nothing. */
export function requireLines(posting: Posting, lines: readonly unknown[]): void {
  if (!lines.length) throw invalidState(`${posting.name} has no lines to post`, { reason: 'NO_LINES' });
}
