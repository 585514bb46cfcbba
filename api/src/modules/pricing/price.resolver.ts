import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { PriceList } from './price-list.entity';
import type { PriceRecord } from './price-record.entity';
import { PriceType } from './price-type.entity';
import { EffectivePriceArgs, EffectivePricePage, PriceQuote, PriceRecordView } from './price.types';
import type { RootOf } from '../../shared/plain-read';

@Resolver(() => PriceQuote)
export class PriceResolver {
  @Authorized('price:read')
  @Query(() => PriceQuote, { nullable: true, description: 'The price in effect on the date; null when the product has none of that type yet (and for a partner naming a type not its own)' })
  price(
    @Arg('productId', () => ID) productId: string,
    @Arg('priceTypeId', () => ID) priceTypeId: string,
    @Arg('date', () => LocalDateScalar) date: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.prices.price(ctx, productId, priceTypeId, date);
  }

  @Authorized('price:read')
  @Query(() => EffectivePricePage, { description: 'Products that have a price of the type on the date, with that price; sort by sku, name, price or validFrom. Empty for a partner naming a type not its own' })
  prices(@Args() args: EffectivePriceArgs, @Ctx() ctx: Context) {
    return ctx.services.prices.prices(ctx, args);
  }

  @Authorized('price:read')
  @Query(() => [PriceRecordView], { description: 'Every price a product has had of the type, the newest first' })
  priceHistory(@Arg('productId', () => ID) productId: string, @Arg('priceTypeId', () => ID) priceTypeId: string, @Ctx() ctx: Context) {
    return ctx.services.prices.history(ctx, productId, priceTypeId);
  }

  @FieldResolver(() => Product, { nullable: true })
  product(@Root() quote: PriceQuote, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(quote.productId);
  }

  @Authorized('priceType:read')
  @FieldResolver(() => PriceType, { nullable: true })
  priceType(@Root() quote: PriceQuote, @Ctx() ctx: Context) {
    return ctx.loaders.byId(PriceType).load(quote.priceTypeId);
  }

  @Authorized('priceList:read')
  @FieldResolver(() => PriceList, { nullable: true, description: 'The whole price list (staff); partners see priceListNumber' })
  priceList(@Root() quote: PriceQuote, @Ctx() ctx: Context) {
    return ctx.loaders.byId(PriceList).load(quote.priceListId);
  }
}

@Resolver(() => PriceRecordView)
export class PriceRecordResolver {
  @FieldResolver(() => Product, { nullable: true })
  product(@Root() record: PriceRecord, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(record.product.id);
  }

  @Authorized('priceType:read')
  @FieldResolver(() => PriceType, { nullable: true })
  priceType(@Root() record: PriceRecord, @Ctx() ctx: Context) {
    return ctx.loaders.byId(PriceType).load(record.priceType.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The number of the price list that posted it' })
  async priceListNumber(@Root() record: PriceRecord, @Ctx() ctx: Context) {
    return (await ctx.loaders.byId(PriceList).load(record.recorderId))?.number ?? null;
  }

  @Authorized('priceList:read')
  @FieldResolver(() => PriceList, { nullable: true, description: 'The whole price list (staff); partners see priceListNumber' })
  priceList(@Root() record: PriceRecord, @Ctx() ctx: Context) {
    return ctx.loaders.byId(PriceList).load(record.recorderId);
  }
}

/** The pricing module's field on the catalogue's Product (a module adds fields to another's types by declaring a resolver of its own). */
@Resolver(() => Product)
export class ProductPriceResolver {
  @Authorized('price:read')
  @FieldResolver(() => PriceQuote, {
    nullable: true,
    description:
      'The price in effect on the date (today when left out) of the price type (left out: for a partner its own — its client\'s, or the default type when the client has none; for staff the default type). Null when there is none, and for a partner naming another type (out of its scope, as if there were no such type). One statement per price type and date for a whole page',
  })
  price(
    @Root() product: RootOf<Product>,
    @Arg('priceTypeId', () => ID, { nullable: true }) priceTypeId: string | null,
    @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.prices.productPrice(ctx, product.id, priceTypeId, date);
  }
}
