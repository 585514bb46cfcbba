import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { MoneyScalar, PriceScalar } from '../../shared/decimal.scalar';
import { DocumentResolver } from '../ledger/document.resolver';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import { CostAdjustment, LandedCost, LandedCostLine } from './landed-cost.entity';
import { CreateLandedCostInput, LandedCostListArgs, UpdateLandedCostInput } from './landed-cost.inputs';
import { StockMovement } from './stock.entity';
import { seesCost } from './stock.service';
import { Warehouse } from './warehouse.entity';

@Resolver(() => LandedCost)
export class LandedCostResolver extends DocumentResolver({
  entity: LandedCost,
  plural: 'landedCosts',
  resource: 'stockDocument',
  service: (ctx) => ctx.services.landedCosts,
  listArgs: LandedCostListArgs,
  createInput: CreateLandedCostInput,
  updateInput: UpdateLandedCostInput,
  describe: {
    list: 'Filter by date range, supplier, receipt, status; q searches the number and description',
    create: 'A draft (LC-YYYY-NNNNNN); the amount is spread over the lines at once; BAD_USER_INPUT names the line at fault',
    post: 'Raises the unit cost of what is still in the lines’ lots and posts dated adjustments for what already left them (expense for write-offs and counts, carried into the destination lots of transfers); owes the supplier amount + VAT',
    unpost: 'Takes every adjustment back; INVALID_STATE while documents have taken from a raised lot since',
    cancel: 'A draft or a posted landed cost is cancelled; a posted one is unposted first',
  },
}) {
  @FieldResolver(() => Counterparty)
  supplier(@Root() doc: LandedCost, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(doc.supplier.id);
  }

  @FieldResolver(() => [LandedCostLine])
  lines(@Root() doc: LandedCost, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(LandedCostLine, 'landedCost', { lineNo: 'asc' }).load(doc.id);
  }

  @FieldResolver(() => [CostAdjustment], { description: 'What posting did, per lot and per document that had taken from it' })
  adjustments(@Root() doc: LandedCost, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(CostAdjustment, 'recorderId', { recorderLine: 'asc', kind: 'asc' }).load(doc.id);
  }

  @FieldResolver(() => [StockMovement], { description: 'The stock value it added to lots: quantity 0, cost + the part' })
  movements(@Root() doc: LandedCost, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(StockMovement, 'recorderId', { recorderLine: 'asc' }).load(doc.id);
  }
}

@Resolver(() => LandedCostLine)
export class LandedCostLineResolver {
  @FieldResolver(() => GoodsReceiptLine, { nullable: true })
  goodsReceiptLine(@Root() line: LandedCostLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(GoodsReceiptLine).load(line.goodsReceiptLine.id);
  }

  @FieldResolver(() => GoodsReceipt, { nullable: true })
  async goodsReceipt(@Root() line: LandedCostLine, @Ctx() ctx: Context) {
    const receiptLine = await ctx.loaders.byId(GoodsReceiptLine).load(line.goodsReceiptLine.id);
    return receiptLine ? ctx.loaders.byId(GoodsReceipt).load(receiptLine.goodsReceipt.id) : null;
  }
}

@Resolver(() => CostAdjustment)
export class CostAdjustmentResolver {
  @FieldResolver(() => ID)
  lotId(@Root() row: CostAdjustment) {
    return row.lot.id;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The number of the document adjusted' })
  targetNumber(@Root() row: CostAdjustment, @Ctx() ctx: Context) {
    return ctx.services.ledger.documentNumber(ctx, { type: row.targetType, id: row.targetId });
  }

  @FieldResolver(() => Warehouse)
  warehouse(@Root() row: CostAdjustment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(row.warehouse.id);
  }

  @FieldResolver(() => Product)
  product(@Root() row: CostAdjustment, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(row.product.id);
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'The part of the landed cost; needs cost:read' })
  amount(@Root() row: CostAdjustment, @Ctx() ctx: Context) {
    return seesCost(ctx) ? row.amount : null;
  }

  @FieldResolver(() => PriceScalar, { nullable: true, description: 'LOT: what the unit cost went up by; needs cost:read' })
  unitCostDelta(@Root() row: CostAdjustment, @Ctx() ctx: Context) {
    return seesCost(ctx) ? (row.unitCostDelta ?? null) : null;
  }
}
