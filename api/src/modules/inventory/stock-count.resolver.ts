import { Decimal } from '../../shared/money';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { DecimalScalar, MoneyScalar } from '../../shared/decimal.scalar';
import { DocumentResolver } from '../ledger/document.resolver';
import { Product } from '../catalog/product.entity';
import { StockMovement } from './stock.entity';
import { seesCost } from './stock.service';
import { StockCount, StockCountLine } from './stock-count.entity';
import { CreateStockCountInput, StockCountListArgs, UpdateStockCountInput } from './stock-count.inputs';
import { Warehouse } from './warehouse.entity';

@Resolver(() => StockCount)
export class StockCountResolver extends DocumentResolver({
  entity: StockCount,
  plural: 'stockCounts',
  resource: 'stockDocument',
  service: (ctx) => ctx.services.stockCounts,
  listArgs: StockCountListArgs,
  createInput: CreateStockCountInput,
  updateInput: UpdateStockCountInput,
  describe: {
    list: 'Filter by date range, warehouse, status; q searches the number',
    create: 'A draft (SC-YYYY-NNNNNN), prefilled with the book quantities of the warehouse at the end of the date unless prefill is false',
    post: 'Reads the books again and posts the differences: shortages out of the FIFO lots (expense SHORTAGE), surpluses in as lots at the last known cost (negative expense SURPLUS)',
    unpost: 'Back to a draft; INVALID_STATE when other documents took from its surplus lots',
    cancel: 'A draft or a posted count is cancelled; a posted one is unposted first',
  },
}) {
  @FieldResolver(() => Warehouse)
  warehouse(@Root() doc: StockCount, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(doc.warehouse.id);
  }

  @FieldResolver(() => [StockCountLine])
  lines(@Root() doc: StockCount, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(StockCountLine, 'stockCount', { lineNo: 'asc' }).load(doc.id);
  }

  @FieldResolver(() => [StockMovement], { description: 'The stock movements the count made when posted: out per consumed lot, in per surplus lot' })
  movements(@Root() doc: StockCount, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(StockMovement, 'recorderId', { recorderLine: 'asc' }).load(doc.id);
  }
}

@Resolver(() => StockCountLine)
export class StockCountLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: StockCountLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Counted − book: + surplus, − shortage' })
  difference(@Root() line: StockCountLine) {
    return new Decimal(line.countedQuantity).minus(line.bookQuantity).toFixed();
  }

  @FieldResolver(() => MoneyScalar, { nullable: true, description: 'When posted: + the surplus value, − the shortage cost; needs cost:read' })
  differenceCost(@Root() line: StockCountLine, @Ctx() ctx: Context) {
    return seesCost(ctx) && line.differenceCost != null ? line.differenceCost : null;
  }
}
