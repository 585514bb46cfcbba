import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentResolver } from '../ledger/document.resolver';
import { CustomerReturn, CustomerReturnLine } from './customer-return.entity';
import { CustomerOrder } from './order.entity';
import { Shipment, ShipmentLine } from './shipment.entity';
import { CreateCustomerReturnInput, CreateShipmentFromOrderInput, CreateShipmentInput, CustomerReturnListArgs, ShipmentListArgs, UpdateCustomerReturnInput, UpdateShipmentInput } from './shipment.inputs';

@Resolver(() => Shipment)
export class ShipmentResolver extends DocumentResolver({
  entity: Shipment,
  plural: 'shipments',
  resource: 'shipment',
  service: (ctx) => ctx.services.shipments,
  listArgs: ShipmentListArgs,
  createInput: CreateShipmentInput,
  updateInput: UpdateShipmentInput,
  describe: {
    list: "Filter by client, order, warehouse, date range, status; q searches the number. A manager sees their clients' shipments, a partner its own",
    create: 'A standalone draft (no order) at prices of its own, VAT on top; the number SH-YYYY-NNNNNN comes from its date',
    post: "Releases the order's reservation for what it ships, takes the goods out at FIFO cost (INSUFFICIENT_STOCK), books the sale, the receivable and the sales VAT book; the order becomes PARTIALLY_SHIPPED or SHIPPED",
    unpost: 'Back to a draft: goods, reservation, sale, receivable and VAT book taken back; INVALID_STATE while a posted return stands on it, a landed cost adjusted it, or its order is cancelled',
    cancel: 'A draft or a posted shipment is cancelled; a posted one is unposted first',
  },
}) {
  @Authorized('shipment:create')
  @Mutation(() => Shipment, { description: "A draft of what is left of a confirmed or partially shipped order (or of the lines and quantities given), at the order's frozen prices pro rata" })
  createShipmentFromOrder(@Arg('input', () => CreateShipmentFromOrderInput) input: CreateShipmentFromOrderInput, @Ctx() ctx: Context) {
    return ctx.services.shipments.createFromOrder(ctx, input);
  }

  @FieldResolver(() => Counterparty)
  client(@Root() doc: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(doc.client.id);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() doc: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(doc.warehouse.id);
  }

  @FieldResolver(() => CustomerOrder, { nullable: true, description: 'Null for a standalone shipment' })
  order(@Root() doc: Shipment, @Ctx() ctx: Context) {
    return doc.order ? ctx.loaders.byId(CustomerOrder).load(doc.order.id) : null;
  }

  @FieldResolver(() => [ShipmentLine])
  lines(@Root() doc: Shipment, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(ShipmentLine, 'shipment', { lineNo: 'asc' }).load(doc.id);
  }
}

@Resolver(() => ShipmentLine)
export class ShipmentLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: ShipmentLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }

  @FieldResolver(() => DecimalScalar, { description: 'What posted returns brought back of the line (a return may take the rest)' })
  async returned(@Root() line: ShipmentLine, @Ctx() ctx: Context): Promise<string> {
    const returned = await ctx.loaders
      .custom<string, Map<number, string>>('sales:returned', async (shipmentIds) => {
        const all = await ctx.services.customerReturns.returnedOf(ctx, shipmentIds);
        return shipmentIds.map((id) => all.get(id) ?? new Map());
      })
      .load(line.shipment.id);
    return returned.get(line.lineNo) ?? '0';
  }
}

@Resolver(() => CustomerReturn)
export class CustomerReturnResolver extends DocumentResolver({
  entity: CustomerReturn,
  plural: 'customerReturns',
  resource: 'customerReturn',
  service: (ctx) => ctx.services.customerReturns,
  listArgs: CustomerReturnListArgs,
  createInput: CreateCustomerReturnInput,
  updateInput: UpdateCustomerReturnInput,
  describe: {
    list: 'Filter by client, shipment, date range, status; q searches the number',
    create: 'A draft from a posted shipment: each line no more than the shipment line shipped less what posted returns brought back (BAD_USER_INPUT on the line); RT-YYYY-NNNNNN',
    post: 'Brings the goods back at exactly the FIFO cost the shipment took (new lots), reverses revenue, VAT, discount and cost, reduces the receivable, negative sales VAT book rows; DEFECTIVE lines go into a write-off draft',
    unpost: 'Back to a draft: its lots, reversals and write-off draft go; INVALID_STATE once its lots were taken or its write-off posted',
    cancel: 'A draft or a posted return is cancelled; a posted one is unposted first',
  },
}) {
  @FieldResolver(() => Shipment)
  async shipment(@Root() doc: CustomerReturn, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Shipment).load(doc.shipment.id);
  }

  @FieldResolver(() => Counterparty)
  client(@Root() doc: CustomerReturn, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(doc.client.id);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() doc: CustomerReturn, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(doc.warehouse.id);
  }

  @FieldResolver(() => [CustomerReturnLine])
  lines(@Root() doc: CustomerReturn, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(CustomerReturnLine, 'customerReturn', { lineNo: 'asc' }).load(doc.id);
  }
}

@Resolver(() => CustomerReturnLine)
export class CustomerReturnLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: CustomerReturnLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }
}
