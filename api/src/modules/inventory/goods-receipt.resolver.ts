import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import { CreateGoodsReceiptInput, GoodsReceiptListArgs, UpdateGoodsReceiptInput } from './goods-receipt.inputs';
import { StockMovement } from './stock.entity';
import { Warehouse } from './warehouse.entity';

const GoodsReceiptPage = PageType(GoodsReceipt);

/**
 * The receipt's own prices (unit cost, amount, VAT) are document data and shown to
 * everyone who may read stock documents; the stock value they become (lots, movements,
 * balances) is cost and needs cost:read.
 */
@Resolver(() => GoodsReceipt)
export class GoodsReceiptResolver {
  @Authorized('stockDocument:read')
  @Query(() => GoodsReceiptPage, { description: 'Filter by date range, warehouse, supplier, status; q searches the number' })
  goodsReceipts(@Args() args: GoodsReceiptListArgs, @Ctx() ctx: Context) {
    return ctx.services.goodsReceipts.list(ctx, args);
  }

  @Authorized('stockDocument:read')
  @Query(() => GoodsReceipt, { nullable: true })
  goodsReceipt(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.goodsReceipts.get(ctx, id);
  }

  @Authorized('stockDocument:create')
  @Mutation(() => GoodsReceipt, { description: 'A draft; the number RC-YYYY-NNNNNN comes from its date' })
  createGoodsReceipt(@Arg('input') input: CreateGoodsReceiptInput, @Ctx() ctx: Context) {
    return ctx.services.goodsReceipts.create(ctx, input);
  }

  @Authorized('stockDocument:update')
  @Mutation(() => GoodsReceipt, { description: 'A draft only: INVALID_STATE otherwise' })
  updateGoodsReceipt(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateGoodsReceiptInput, @Ctx() ctx: Context) {
    return ctx.services.goodsReceipts.update(ctx, id, input);
  }

  @Authorized('stockDocument:delete')
  @Mutation(() => GoodsReceipt, { description: 'A draft only: INVALID_STATE otherwise' })
  deleteGoodsReceipt(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.goodsReceipts.delete(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => GoodsReceipt, { description: 'Lots and stock in per line, the payable with VAT, purchase VAT book rows per rate' })
  postGoodsReceipt(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.goodsReceipts.post(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => GoodsReceipt, { description: 'Back to a draft, its register rows deleted; INVALID_STATE when other documents took from its lots' })
  unpostGoodsReceipt(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.goodsReceipts.unpost(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => GoodsReceipt, { description: 'A draft or a posted receipt is cancelled; a posted one loses its register rows' })
  cancelGoodsReceipt(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.goodsReceipts.cancel(ctx, id);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() receipt: GoodsReceipt, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(receipt.warehouse.id);
  }

  @FieldResolver(() => Counterparty)
  supplier(@Root() receipt: GoodsReceipt, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(receipt.supplier.id);
  }

  @FieldResolver(() => [GoodsReceiptLine])
  lines(@Root() receipt: GoodsReceipt, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(GoodsReceiptLine, 'goodsReceipt', { lineNo: 'asc' }).load(receipt.id);
  }

  @FieldResolver(() => [StockMovement], { description: 'The stock movements the receipt made when posted (none for a draft)' })
  movements(@Root() receipt: GoodsReceipt, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(StockMovement, 'recorderId', { recorderLine: 'asc' }).load(receipt.id);
  }
}

@Resolver(() => GoodsReceiptLine)
export class GoodsReceiptLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: GoodsReceiptLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }
}
