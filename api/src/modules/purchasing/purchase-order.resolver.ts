import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { LocalDateScalar, localToday } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { GoodsReceipt } from '../inventory/goods-receipt.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentResolver } from '../ledger/document.resolver';
import { PurchaseOrder, PurchaseOrderLine } from './purchase-order.entity';
import { CreatePurchaseOrderInput, PurchaseOrderListArgs, UpdatePurchaseOrderInput } from './purchase-order.inputs';

@Resolver(() => PurchaseOrder)
export class PurchaseOrderResolver extends DocumentResolver({
  entity: PurchaseOrder,
  plural: 'purchaseOrders',
  resource: 'purchaseOrder',
  service: (ctx) => ctx.services.purchaseOrders,
  listArgs: PurchaseOrderListArgs,
  createInput: CreatePurchaseOrderInput,
  updateInput: UpdatePurchaseOrderInput,
  describe: {
    list: 'Filter by date range, warehouse, supplier, status; q searches the number',
    create: "A draft; the number PO-YYYY-NNNNNN comes from its date; a line without a price takes the supplier's price on the date (supplierPrice)",
    post: 'The purchases register: ordered quantity and amount per line, which puts them on order in the warehouse',
    unpost: 'Back to a draft, its register rows deleted (a closing too); INVALID_STATE while posted receipts stand on it',
    cancel: 'A draft or a posted order is cancelled (INVALID_STATE while posted receipts stand on it); no receipt is accepted against it',
  },
}) {
  @Authorized('purchaseOrder:post')
  @Mutation(() => PurchaseOrder, { description: 'Closes a posted order: what it has not received is no longer on order, no receipt is accepted against it' })
  closePurchaseOrder(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.purchaseOrders.close(ctx, id);
  }

  @Authorized('stockDocument:create')
  @Mutation(() => GoodsReceipt, { description: "A draft goods receipt against a posted, open order, with what each line has left to receive at the order's prices (INVALID_STATE when cancelled, closed, a draft or fully received)" })
  createReceiptFromPurchaseOrder(@Arg('id', () => ID) id: string, @Arg('date', () => LocalDateScalar, { nullable: true, description: 'Today when not sent' }) date: string | null, @Ctx() ctx: Context) {
    return ctx.services.purchaseReceipts.receiptFromOrder(ctx, id, date ?? localToday());
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() order: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(order.warehouse.id);
  }

  @FieldResolver(() => Counterparty)
  supplier(@Root() order: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(order.supplier.id);
  }

  @FieldResolver(() => [PurchaseOrderLine])
  lines(@Root() order: PurchaseOrder, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(PurchaseOrderLine, 'purchaseOrder', { lineNo: 'asc' }).load(order.id);
  }
}

@Resolver(() => PurchaseOrderLine)
export class PurchaseOrderLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: PurchaseOrderLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }
}
