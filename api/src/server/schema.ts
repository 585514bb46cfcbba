import { writeFile } from 'node:fs/promises';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { DecimalScalar } from '../shared/decimal.scalar';
import { ErrorCode } from '../shared/errors';
import { AuditResolver } from '../modules/identity/audit.resolver';
import { AuthResolver } from '../modules/identity/auth.resolver';
import { UserResolver } from '../modules/identity/user.resolver';
import { UnitResolver } from '../modules/catalog/unit.resolver';
import { ProductGroupResolver } from '../modules/catalog/product-group.resolver';
import { ProductResolver } from '../modules/catalog/product.resolver';
import { CounterpartyResolver } from '../modules/crm/counterparty.resolver';
import { WarehouseResolver } from '../modules/inventory/warehouse.resolver';
import { GoodsReceiptLineResolver, GoodsReceiptResolver } from '../modules/inventory/goods-receipt.resolver';
import { StockBalanceResolver, StockLotResolver, StockMovementResolver } from '../modules/inventory/stock.resolver';
import { StockValuationResolver } from '../modules/inventory/stock-valuation.resolver';
import { DiscountRuleResolver } from '../modules/pricing/discount-rule.resolver';
import { PricingSettingsResolver } from '../modules/pricing/pricing-settings.resolver';
import { QuoteResolver } from '../modules/pricing/quote.resolver';
import { PriceTypeResolver } from '../modules/pricing/price-type.resolver';
import { PriceListLineResolver, PriceListResolver } from '../modules/pricing/price-list.resolver';
import { PriceRecordResolver, PriceResolver } from '../modules/pricing/price.resolver';
import { PricesChangedResolver } from '../modules/pricing/prices-changed.resolver';
import { PeriodCloseResolver } from '../modules/ledger/period-close.resolver';
import { StockChangedResolver } from '../modules/inventory/stock-changed.resolver';
import { StockTransferLineResolver, StockTransferResolver, WriteOffLineResolver, WriteOffResolver } from '../modules/inventory/outgoing-stock.resolver';
import { checkPermissions } from './access';
import { guardArguments } from './input-guard';
import { runMutationsInTransactions } from './mutation-transaction';
import { StockCountLineResolver, StockCountResolver } from '../modules/inventory/stock-count.resolver';
import { CostAdjustmentResolver, LandedCostLineResolver, LandedCostResolver } from '../modules/inventory/landed-cost.resolver';
import { MetaResolver } from './meta.resolver';

// Every module's resolvers; a new module adds its own here.
const resolvers: NonEmptyArray<Function> = [MetaResolver, AuthResolver, UserResolver, AuditResolver, UnitResolver, ProductGroupResolver, ProductResolver, WarehouseResolver, CounterpartyResolver, DiscountRuleResolver, PricingSettingsResolver, QuoteResolver, PriceTypeResolver, PriceListResolver, PricesChangedResolver, PriceListLineResolver, PriceResolver, PriceRecordResolver, GoodsReceiptResolver, GoodsReceiptLineResolver, StockBalanceResolver, StockLotResolver, StockMovementResolver, StockValuationResolver, StockTransferResolver, StockTransferLineResolver, WriteOffResolver, WriteOffLineResolver, PeriodCloseResolver, StockChangedResolver, StockCountResolver, StockCountLineResolver, LandedCostResolver, LandedCostLineResolver, CostAdjustmentResolver];

/**
 * The API; every mutation field runs in its own transaction, retried on serialization
 * failures and deadlocks; every field's arguments are checked (IDs, text) before it runs.
 */
export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    authChecker: checkPermissions,
    scalarsMap: [],
    orphanedTypes: [],
    validate: { forbidUnknownValues: false },
    // Subscriptions name their source with `subscribe` (the app's EventBus, from the context);
    // type-graphql insists on a pubSub even so, and topic-based subscriptions are not used.
    pubSub: {
      publish: () => {
        throw new Error('publish through ctx.services.events (EventBus), after commit');
      },
      subscribe: () => {
        throw new Error('subscriptions use the subscribe option with ctx.services.events');
      },
    },
  });
  return guardArguments(runMutationsInTransactions(schema));
}

/** schema/schema.graphql: sorted, so a diff shows only real changes. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function emitSchema(path: string): Promise<void> {
  await writeFile(path, printSortedSchema(await createSchema()));
}

export { DecimalScalar, ErrorCode };
