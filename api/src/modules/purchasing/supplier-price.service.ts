import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { decimalPlaces, negative, noSuch, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import { checkSupplier } from '../inventory/stock-lines';
import { Counterparty } from '../crm/counterparty.entity';
import type { SupplierPriceInput } from './purchase-order.inputs';
import { ProductMainSupplier, SupplierPrice } from './supplier-price.entity';
import { SupplierPriceSource, type SupplierPriceQuote } from './supplier-price.types';

/**
 * What a supplier charges for a product (issue 14 §3): the price list entry in effect on a
 * date or the unit cost of the supplier's last posted receipt on or before it, whichever is
 * the more recent (the price list on a tie); null when there is neither. And a product's
 * main supplier.
 */
export class SupplierPriceService {
  async supplierPrice(ctx: Context, supplierId: string, productId: string, date: string): Promise<SupplierPriceQuote | null> {
    return (await this.supplierPrices(ctx, supplierId, [productId], date)).get(productId) ?? null;
  }

  /** Per product, the supplier's price on the date (products without one are missing): two statements for any number of products. */
  async supplierPrices(ctx: Context, supplierId: string, productIds: readonly string[], date: string): Promise<Map<string, SupplierPriceQuote>> {
    const ids = [...new Set(productIds)];
    const quotes = new Map<string, SupplierPriceQuote>();
    if (!ids.length) return quotes;
    const listed: { product_id: string; price: string; valid_from: string }[] = await ctx.em.execute(
      `select distinct on (product_id) product_id, price::text, valid_from::text from supplier_price
       where supplier_id = ? and product_id in (?) and valid_from <= ? order by product_id, valid_from desc`,
      [supplierId, ids, date],
    );
    for (const row of listed) quotes.set(row.product_id, { productId: row.product_id, price: new Decimal(row.price).toFixed(), source: SupplierPriceSource.PRICE_LIST, since: row.valid_from });
    const received = await ctx.services.goodsReceipts.lastUnitCosts(ctx, supplierId, ids, date);
    for (const [productId, last] of received) {
      const quote = quotes.get(productId);
      if (!quote || last.date > quote.since) quotes.set(productId, { productId, price: last.unitCost, source: SupplierPriceSource.LAST_RECEIPT, since: last.date });
    }
    return quotes;
  }

  /** Sets the supplier's price for a product from a date (replacing an entry of that date). */
  async setSupplierPrice(ctx: Context, input: SupplierPriceInput): Promise<SupplierPrice> {
    const fields: FieldMessages = {};
    await checkSupplier(ctx, input.supplierId, 'supplierId', fields);
    const products = await ctx.services.products.facts(ctx.em, [input.productId]);
    if (!products.has(input.productId)) fields.productId = noSuch('Product', 'no such product');
    const price = new Decimal(input.price);
    if (price.isNegative()) fields.price = negative('the price must not be negative');
    else if (price.decimalPlaces() > 4) fields.price = decimalPlaces(4, 'the price must have at most 4 decimal places');
    if (Object.keys(fields).length) throw badInput(fields);
    const found = await ctx.em.findOne(SupplierPrice, { supplier: input.supplierId, product: input.productId, validFrom: input.validFrom });
    const entry = found ?? ctx.em.create(SupplierPrice, { supplier: input.supplierId, product: input.productId, validFrom: input.validFrom, price: price.toFixed() });
    entry.price = price.toFixed();
    await ctx.em.flush();
    return entry;
  }

  /** The supplier's price list, newest first (optionally for one product). */
  priceList(ctx: Context, supplierId: string, productId?: string | null): Promise<SupplierPrice[]> {
    return ctx.em.find(SupplierPrice, { supplier: supplierId, ...(productId ? { product: productId } : {}) }, { orderBy: { product: 'asc', validFrom: 'desc' } });
  }

  /** Per product id, its main supplier's id (products without one are missing). */
  async mainSuppliers(ctx: Context, productIds: readonly string[]): Promise<Map<string, string>> {
    if (!productIds.length) return new Map();
    const rows = await ctx.em.find(ProductMainSupplier, { product: { $in: [...new Set(productIds)] } });
    return new Map(rows.map((r) => [r.product.id, r.supplier.id]));
  }

  /** Makes a SUPPLIER the product's main supplier (null: none). */
  async setMainSupplier(ctx: Context, productId: string, supplierId: string | null): Promise<Counterparty | null> {
    const fields: FieldMessages = {};
    if (supplierId) await checkSupplier(ctx, supplierId, 'supplierId', fields);
    const products = await ctx.services.products.facts(ctx.em, [productId]);
    if (!products.has(productId)) fields.productId = noSuch('Product', 'no such product');
    if (Object.keys(fields).length) throw badInput(fields);
    await ctx.em.nativeDelete(ProductMainSupplier, { product: productId });
    if (!supplierId) return null;
    ctx.em.create(ProductMainSupplier, { product: productId, supplier: supplierId });
    await ctx.em.flush();
    return ctx.em.findOneOrFail(Counterparty, supplierId);
  }
}
