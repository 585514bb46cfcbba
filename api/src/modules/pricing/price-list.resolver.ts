import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { DocumentResolver } from '../ledger/document.resolver';
import { ProductGroup } from '../catalog/product-group.entity';
import { Product } from '../catalog/product.entity';
import { PriceList, PriceListLine } from './price-list.entity';
import { CreatePriceListInput, ImportPriceListArgs, PriceImportResult, PriceListListArgs, RecalculateCostPricesArgs, RepriceGroupArgs, UpdatePriceListInput } from './price-list.inputs';
import { PriceRecord } from './price-record.entity';
import { PriceType } from './price-type.entity';
import { PriceRecordView } from './price.types';

@Resolver(() => PriceList)
export class PriceListResolver extends DocumentResolver({
  entity: PriceList,
  plural: 'priceLists',
  resource: 'priceList',
  service: (ctx) => ctx.services.priceLists,
  listArgs: PriceListListArgs,
  createInput: CreatePriceListInput,
  updateInput: UpdatePriceListInput,
  describe: {
    list: 'Filter by price type, status, source, date range, number, product; q searches number and comment',
    create: 'A draft of a price type with derivation NONE',
    post: "Makes the prices effective from the list's date, and computes and posts the lists of the types derived from its type",
    unpost: 'Back to a draft: its prices and the lists derived from it are deleted',
    cancel: 'A draft or a posted list is cancelled; a posted one loses its prices and derived lists',
  },
}) {
  @Authorized('priceList:post')
  @Mutation(() => PriceList, { description: 'For a FROM_COST price type: posts a DERIVED list dated validFrom pricing every product in stock at its average cost (all warehouses) plus the markup, rounded' })
  recalculateCostPrices(@Args() args: RecalculateCostPricesArgs, @Ctx() ctx: Context) {
    return ctx.services.priceLists.recalculateCostPrices(ctx, args);
  }

  @Authorized('priceList:create')
  @Mutation(() => PriceList, { description: 'A draft REPRICE list: every product of the group and the groups below it priced on validFrom, changed by percent and rounded' })
  repriceGroup(@Args() args: RepriceGroupArgs, @Ctx() ctx: Context) {
    return ctx.services.priceListBulk.repriceGroup(ctx, args);
  }

  @Authorized('priceList:create')
  @Mutation(() => PriceImportResult, { description: 'A draft IMPORT list from CSV rows "SKU;price"; the rows left out come back with the reason' })
  importPriceList(@Args() args: ImportPriceListArgs, @Ctx() ctx: Context) {
    return ctx.services.priceListBulk.importPriceList(ctx, args);
  }

  @FieldResolver(() => PriceType)
  priceType(@Root() list: PriceList, @Ctx() ctx: Context) {
    return ctx.loaders.byId(PriceType).load(list.priceType.id);
  }

  @FieldResolver(() => ProductGroup, { nullable: true, description: 'The list holds only products of this group and the groups below it' })
  group(@Root() list: PriceList, @Ctx() ctx: Context) {
    return list.group ? ctx.loaders.byId(ProductGroup).load(list.group.id) : null;
  }

  @FieldResolver(() => PriceList, { nullable: true, description: 'For a DERIVED list: the posted list of the base price type it was computed from' })
  basePriceList(@Root() list: PriceList, @Ctx() ctx: Context) {
    return list.basePriceList ? ctx.loaders.byId(PriceList).load(list.basePriceList.id) : null;
  }

  @FieldResolver(() => [PriceList], { description: 'The DERIVED lists computed from this one when it was posted' })
  derivedPriceLists(@Root() list: PriceList, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(PriceList, 'basePriceList', { number: 'asc' }).load(list.id);
  }

  @FieldResolver(() => [PriceListLine])
  lines(@Root() list: PriceList, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(PriceListLine, 'priceList', { lineNo: 'asc' }).load(list.id);
  }

  @FieldResolver(() => [PriceRecordView], { description: 'The price register rows the list wrote when posted (none for a draft)' })
  records(@Root() list: PriceList, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(PriceRecord, 'recorderId', { recorderLine: 'asc' }).load(list.id);
  }
}

@Resolver(() => PriceListLine)
export class PriceListLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: PriceListLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }
}
