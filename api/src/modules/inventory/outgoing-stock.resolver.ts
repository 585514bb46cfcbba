import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { DocumentResolver } from '../ledger/document.resolver';
import { Product } from '../catalog/product.entity';
import { CreateStockTransferInput, CreateWriteOffInput, StockTransferListArgs, UpdateStockTransferInput, UpdateWriteOffInput, WriteOffListArgs } from './outgoing-stock.inputs';
import { StockMovement } from './stock.entity';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity';
import { Warehouse } from './warehouse.entity';
import { WriteOff, WriteOffLine } from './write-off.entity';

@Resolver(() => StockTransfer)
export class StockTransferResolver extends DocumentResolver({
  entity: StockTransfer,
  plural: 'stockTransfers',
  resource: 'stockDocument',
  service: (ctx) => ctx.services.stockTransfers,
  listArgs: StockTransferListArgs,
  createInput: CreateStockTransferInput,
  updateInput: UpdateStockTransferInput,
  describe: {
    list: 'Filter by date range, warehouse (source or destination), status; q searches the number',
    create: 'A draft; the number TR-YYYY-NNNNNN comes from its date',
    post: 'Consumes FIFO lots at the source, makes lots of the same cost at the destination; INSUFFICIENT_STOCK when the source has too little',
    unpost: 'Back to a draft: source lots restored, destination lots deleted; INVALID_STATE when other documents took from those',
    cancel: 'A draft or a posted transfer is cancelled; a posted one is unposted first',
  },
}) {
  @FieldResolver(() => Warehouse)
  fromWarehouse(@Root() doc: StockTransfer, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(doc.fromWarehouse.id);
  }

  @FieldResolver(() => Warehouse)
  toWarehouse(@Root() doc: StockTransfer, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(doc.toWarehouse.id);
  }

  @FieldResolver(() => [StockTransferLine])
  lines(@Root() doc: StockTransfer, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(StockTransferLine, 'stockTransfer', { lineNo: 'asc' }).load(doc.id);
  }

  @FieldResolver(() => [StockMovement], { description: 'The stock movements the transfer made when posted: out of the source per consumed lot, into the destination per new lot' })
  movements(@Root() doc: StockTransfer, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(StockMovement, 'recorderId', { recorderLine: 'asc', quantity: 'asc' }).load(doc.id);
  }
}

@Resolver(() => StockTransferLine)
export class StockTransferLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: StockTransferLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }
}

@Resolver(() => WriteOff)
export class WriteOffResolver extends DocumentResolver({
  entity: WriteOff,
  plural: 'writeOffs',
  resource: 'stockDocument',
  service: (ctx) => ctx.services.writeOffs,
  listArgs: WriteOffListArgs,
  createInput: CreateWriteOffInput,
  updateInput: UpdateWriteOffInput,
  describe: {
    list: 'Filter by date range, warehouse, reason, status; q searches the number',
    create: 'A draft; the number WO-YYYY-NNNNNN comes from its date',
    post: 'Consumes FIFO lots and books their cost as an expense; INSUFFICIENT_STOCK when the warehouse has too little',
    unpost: 'Back to a draft: the lots get back exactly what it took, its expense rows are deleted',
    cancel: 'A draft or a posted write-off is cancelled; a posted one is unposted first',
  },
}) {
  @FieldResolver(() => Warehouse)
  warehouse(@Root() doc: WriteOff, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(doc.warehouse.id);
  }

  @FieldResolver(() => [WriteOffLine])
  lines(@Root() doc: WriteOff, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(WriteOffLine, 'writeOff', { lineNo: 'asc' }).load(doc.id);
  }

  @FieldResolver(() => [StockMovement], { description: 'The stock movements the write-off made when posted, one per consumed lot' })
  movements(@Root() doc: WriteOff, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(StockMovement, 'recorderId', { recorderLine: 'asc' }).load(doc.id);
  }
}

@Resolver(() => WriteOffLine)
export class WriteOffLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: WriteOffLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }
}
