import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { Product } from '../catalog/product.entity';
import { CreateStockTransferInput, CreateWriteOffInput, StockTransferListArgs, UpdateStockTransferInput, UpdateWriteOffInput, WriteOffListArgs } from './outgoing-stock.inputs';
import { StockMovement } from './stock.entity';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity';
import { Warehouse } from './warehouse.entity';
import { WriteOff, WriteOffLine } from './write-off.entity';

const StockTransferPage = PageType(StockTransfer);
const WriteOffPage = PageType(WriteOff);

@Resolver(() => StockTransfer)
export class StockTransferResolver {
  @Authorized('stockDocument:read')
  @Query(() => StockTransferPage, { description: 'Filter by date range, warehouse (source or destination), status; q searches the number' })
  stockTransfers(@Args() args: StockTransferListArgs, @Ctx() ctx: Context) {
    return ctx.services.stockTransfers.list(ctx, args);
  }

  @Authorized('stockDocument:read')
  @Query(() => StockTransfer, { nullable: true })
  stockTransfer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.stockTransfers.get(ctx, id);
  }

  @Authorized('stockDocument:create')
  @Mutation(() => StockTransfer, { description: 'A draft; the number TR-YYYY-NNNNNN comes from its date' })
  createStockTransfer(@Arg('input') input: CreateStockTransferInput, @Ctx() ctx: Context) {
    return ctx.services.stockTransfers.create(ctx, input);
  }

  @Authorized('stockDocument:update')
  @Mutation(() => StockTransfer, { description: 'A draft only: INVALID_STATE otherwise' })
  updateStockTransfer(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateStockTransferInput, @Ctx() ctx: Context) {
    return ctx.services.stockTransfers.update(ctx, id, input);
  }

  @Authorized('stockDocument:delete')
  @Mutation(() => StockTransfer, { description: 'A draft only: INVALID_STATE otherwise' })
  deleteStockTransfer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.stockTransfers.delete(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => StockTransfer, { description: 'Consumes FIFO lots at the source, makes lots of the same cost at the destination; INSUFFICIENT_STOCK when the source has too little' })
  postStockTransfer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.stockTransfers.post(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => StockTransfer, { description: 'Back to a draft: source lots restored, destination lots deleted; INVALID_STATE when other documents took from those' })
  unpostStockTransfer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.stockTransfers.unpost(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => StockTransfer, { description: 'A draft or a posted transfer is cancelled; a posted one is unposted first' })
  cancelStockTransfer(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.stockTransfers.cancel(ctx, id);
  }

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
export class WriteOffResolver {
  @Authorized('stockDocument:read')
  @Query(() => WriteOffPage, { description: 'Filter by date range, warehouse, reason, status; q searches the number' })
  writeOffs(@Args() args: WriteOffListArgs, @Ctx() ctx: Context) {
    return ctx.services.writeOffs.list(ctx, args);
  }

  @Authorized('stockDocument:read')
  @Query(() => WriteOff, { nullable: true })
  writeOff(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.writeOffs.get(ctx, id);
  }

  @Authorized('stockDocument:create')
  @Mutation(() => WriteOff, { description: 'A draft; the number WO-YYYY-NNNNNN comes from its date' })
  createWriteOff(@Arg('input') input: CreateWriteOffInput, @Ctx() ctx: Context) {
    return ctx.services.writeOffs.create(ctx, input);
  }

  @Authorized('stockDocument:update')
  @Mutation(() => WriteOff, { description: 'A draft only: INVALID_STATE otherwise' })
  updateWriteOff(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateWriteOffInput, @Ctx() ctx: Context) {
    return ctx.services.writeOffs.update(ctx, id, input);
  }

  @Authorized('stockDocument:delete')
  @Mutation(() => WriteOff, { description: 'A draft only: INVALID_STATE otherwise' })
  deleteWriteOff(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.writeOffs.delete(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => WriteOff, { description: 'Consumes FIFO lots and books their cost as an expense; INSUFFICIENT_STOCK when the warehouse has too little' })
  postWriteOff(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.writeOffs.post(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => WriteOff, { description: 'Back to a draft: the lots get back exactly what it took, its expense rows are deleted' })
  unpostWriteOff(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.writeOffs.unpost(ctx, id);
  }

  @Authorized('stockDocument:post')
  @Mutation(() => WriteOff, { description: 'A draft or a posted write-off is cancelled; a posted one is unposted first' })
  cancelWriteOff(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.writeOffs.cancel(ctx, id);
  }

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
