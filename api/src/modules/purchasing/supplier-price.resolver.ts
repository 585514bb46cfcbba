import type { RootOf } from '../../shared/plain-read';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { LocalDateScalar, localToday } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { SupplierPriceInput } from './purchase-order.inputs';
import { SupplierPrice } from './supplier-price.entity';
import { SupplierPriceQuote } from './supplier-price.types';

/** Supplier prices and main suppliers (issue 14 §3). */
@Resolver(() => SupplierPrice)
export class SupplierPriceResolver {
  @Authorized('supplierPrice:read')
  @Query(() => SupplierPriceQuote, { nullable: true, description: "The supplier's price for the product on the date (today when not sent): the price list entry in effect or the last posted receipt's unit cost, whichever is more recent (the price list on a tie); null when neither" })
  supplierPrice(
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('productId', () => ID) productId: string,
    @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.supplierPrices.supplierPrice(ctx, supplierId, productId, date ?? localToday());
  }

  @Authorized('supplierPrice:read')
  @Query(() => [SupplierPriceQuote], { description: "Per product, the supplier's price on the date (products without one are left out): what a new order's lines are prefilled with" })
  supplierPriceQuotes(
    @Arg('supplierId', () => ID) supplierId: string,
    @Arg('productIds', () => [ID]) productIds: string[],
    @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.supplierPrices.supplierPrices(ctx, supplierId, productIds.slice(0, 1000), date ?? localToday()).then((m) => [...m.values()]);
  }

  @Authorized('supplierPrice:read')
  @Query(() => [SupplierPrice], { description: "The supplier's price list entries, by product, newest first" })
  supplierPriceList(@Arg('supplierId', () => ID) supplierId: string, @Arg('productId', () => ID, { nullable: true }) productId: string | null, @Ctx() ctx: Context) {
    return ctx.services.supplierPrices.priceList(ctx, supplierId, productId);
  }

  @Authorized('supplierPrice:update')
  @Mutation(() => SupplierPrice, { description: "Sets the supplier's price for a product from a date (replaces the entry of that date)" })
  setSupplierPrice(@Arg('input', () => SupplierPriceInput) input: SupplierPriceInput, @Ctx() ctx: Context) {
    return ctx.services.supplierPrices.setSupplierPrice(ctx, input);
  }

  @Authorized('supplierPrice:update')
  @Mutation(() => Counterparty, { nullable: true, description: "Makes a SUPPLIER the product's main supplier (BAD_USER_INPUT on supplierId otherwise); null removes it" })
  setProductMainSupplier(@Arg('productId', () => ID) productId: string, @Arg('supplierId', () => ID, { nullable: true }) supplierId: string | null, @Ctx() ctx: Context) {
    return ctx.services.supplierPrices.setMainSupplier(ctx, productId, supplierId);
  }

  @FieldResolver(() => Counterparty)
  supplier(@Root() row: SupplierPrice, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(row.supplier.id);
  }

  @FieldResolver(() => Product)
  product(@Root() row: SupplierPrice, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(row.product.id);
  }
}

@Resolver(() => Product)
export class ProductMainSupplierResolver {
  @FieldResolver(() => Counterparty, { nullable: true, description: 'The main supplier: whom reorder suggestions and new purchase orders turn to first' })
  async mainSupplier(@Root() product: RootOf<Product>, @Ctx() ctx: Context) {
    const id = await ctx.loaders
      .custom<string, string | null>('product.mainSupplier', async (ids) => {
        const found = await ctx.services.supplierPrices.mainSuppliers(ctx, ids);
        return ids.map((p) => found.get(p) ?? null);
      })
      .load(product.id);
    return id ? ctx.loaders.byId(Counterparty).load(id) : null;
  }
}
