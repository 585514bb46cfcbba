import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { selects } from '../../shared/selection';
import type { Context } from '../../server/context';
import { DecimalScalar, MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { PageType } from '../../shared/pagination';
import { Product } from '../catalog/product.entity';
import { StockLot, StockMovement } from './stock.entity';
import { seesCost } from './stock.service';
import { StockBalanceArgs, StockBalanceView, StockMovementArgs } from './stock.types';
import { Warehouse } from './warehouse.entity';

const StockBalancePage = PageType(StockBalanceView);
const StockMovementPage = PageType(StockMovement);

@Resolver(() => StockBalanceView)
export class StockBalanceResolver {
  @Authorized('stock:read')
  @Query(() => StockBalancePage, { description: 'Per warehouse × product, in the order asked (warehouse.code|name, product.sku|name, onHand, reserved, available; cost and averageUnitCost with cost:read), then by warehouse code and SKU; asOf gives the balance at the end of that day' })
  stockBalances(@Args() args: StockBalanceArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.services.stock.balances(ctx, args, { withAverageCost: selects(info, 'items.averageUnitCost') });
  }

  @Authorized('stock:read')
  @Query(() => [StockLot], { description: 'FIFO lots of a product in a warehouse, oldest first' })
  lots(
    @Arg('productId', () => ID) productId: string,
    @Arg('warehouseId', () => ID) warehouseId: string,
    @Arg('onlyOpen', () => Boolean, { defaultValue: false, description: 'Only lots with something remaining' }) onlyOpen: boolean,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.stock.lots(ctx, productId, warehouseId, onlyOpen);
  }

  @Authorized('stock:read')
  @Query(() => StockMovementPage, { description: 'Rows of the stock register, by date' })
  stockMovements(@Args() args: StockMovementArgs, @Ctx() ctx: Context) {
    return ctx.services.stock.movements(ctx, args);
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() row: StockBalanceView, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(row.warehouseId);
  }

  @FieldResolver(() => Product)
  product(@Root() row: StockBalanceView, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(row.productId);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Ordered from suppliers (posted purchase orders) and not received yet, now (whatever asOf)' })
  onOrder(@Root() row: StockBalanceView, @Ctx() ctx: Context) {
    return ctx.loaders
      .custom<StockBalanceView, string>('stockBalance.onOrder', async (rows) => {
        const onOrder = await ctx.services.purchaseOrders.onOrder(ctx, rows);
        return rows.map((r) => onOrder.get(`${r.warehouseId}:${r.productId}`) ?? '0');
      }, (r) => `${r.warehouseId}:${r.productId}`)
      .load(row);
  }
}

@Resolver(() => StockLot)
export class StockLotResolver {
  @FieldResolver(() => Warehouse)
  warehouse(@Root() lot: StockLot, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(lot.warehouse.id);
  }

  @FieldResolver(() => Product)
  product(@Root() lot: StockLot, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(lot.product.id);
  }

  @FieldResolver(() => ID, { nullable: true, description: 'For a lot made by a transfer: the source lot' })
  originLotId(@Root() lot: StockLot) {
    return lot.originLot?.id ?? null;
  }

  @FieldResolver(() => PriceScalar, { nullable: true, description: 'Needs cost:read' })
  unitCost(@Root() lot: StockLot, @Ctx() ctx: Context) {
    return seesCost(ctx) ? lot.unitCost : null;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'Needs cost:read' })
  valueRemaining(@Root() lot: StockLot, @Ctx() ctx: Context) {
    return seesCost(ctx) ? lot.valueRemaining : null;
  }
}

@Resolver(() => StockMovement)
export class StockMovementResolver {
  @FieldResolver(() => Warehouse)
  warehouse(@Root() movement: StockMovement, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(movement.warehouse.id);
  }

  @FieldResolver(() => Product)
  product(@Root() movement: StockMovement, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(movement.product.id);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The number of the document that made the row, e.g. WO-2026-000003' })
  recorderNumber(@Root() movement: StockMovement, @Ctx() ctx: Context) {
    return ctx.services.ledger.documentNumber(ctx, { type: movement.recorderType, id: movement.recorderId });
  }

  @FieldResolver(() => ID, { nullable: true })
  lotId(@Root() movement: StockMovement) {
    return movement.lot?.id ?? null;
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: '+ in, − out; needs cost:read' })
  cost(@Root() movement: StockMovement, @Ctx() ctx: Context) {
    return seesCost(ctx) ? movement.cost : null;
  }
}
