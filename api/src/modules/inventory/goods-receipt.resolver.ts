import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { DocumentResolver } from '../ledger/document.resolver';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import { CreateGoodsReceiptInput, GoodsReceiptListArgs, UpdateGoodsReceiptInput } from './goods-receipt.inputs';
import { StockMovement } from './stock.entity';
import { Warehouse } from './warehouse.entity';

/**
 * The receipt's own prices (unit cost, amount, VAT) are document data and shown to
 * everyone who may read stock documents; the stock value they become (lots, movements,
 * balances) is cost and needs cost:read.
 */
@Resolver(() => GoodsReceipt)
export class GoodsReceiptResolver extends DocumentResolver({
  entity: GoodsReceipt,
  plural: 'goodsReceipts',
  resource: 'stockDocument',
  service: (ctx) => ctx.services.goodsReceipts,
  listArgs: GoodsReceiptListArgs,
  createInput: CreateGoodsReceiptInput,
  updateInput: UpdateGoodsReceiptInput,
  describe: {
    list: 'Filter by date range, warehouse, supplier, status; q searches the number',
    create: 'A draft; the number RC-YYYY-NNNNNN comes from its date',
    post: 'Lots and stock in per line, the payable with VAT, purchase VAT book rows per rate',
    unpost: 'Back to a draft, its register rows deleted; INVALID_STATE when other documents took from its lots',
    cancel: 'A draft or a posted receipt is cancelled; a posted one loses its register rows',
  },
}) {
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
