import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { FULL, POSTING, READ, Role } from '../identity/permissions';
import { DiscountRule } from './discount-rule.entity';
import { DiscountRuleResolver } from './discount-rule.resolver';
import { DiscountRuleService } from './discount-rule.service';
import { PriceListBulkService } from './price-list-bulk.service';
import { repriceFromCost } from './cost-prices';
import { priceListType } from './price-list.document';
import { priceRegister } from './price.registers';
import { StockCostChanged } from '../inventory/stock.events';
import { PriceList, PriceListLine } from './price-list.entity';
import { PriceListLineResolver, PriceListResolver } from './price-list.resolver';
import { PriceListService } from './price-list.service';
import { PriceRecord } from './price-record.entity';
import { PriceType } from './price-type.entity';
import { PriceTypeResolver } from './price-type.resolver';
import { PriceTypeService } from './price-type.service';
import { PriceRecordResolver, PriceResolver, ProductPriceResolver } from './price.resolver';
import { PriceService } from './price.service';
import { PriceRecomputeService } from './price-recompute.service';
import { PricesChangedResolver } from './prices-changed.resolver';
import { PricingSettingsResolver } from './pricing-settings.resolver';
import { PricingSettingsService } from './pricing-settings.service';
import { QuoteResolver } from './quote.resolver';
import { QuoteService } from './quote.service';

export interface PricingServices {
  discountRules: DiscountRuleService;
  pricingSettings: PricingSettingsService;
  quotes: QuoteService;
  priceTypes: PriceTypeService;
  priceLists: PriceListService;
  priceListBulk: PriceListBulkService;
  prices: PriceService;
  priceRecompute: PriceRecomputeService;
}

/** Price types, price lists and the price register, discount rules and the quote. */
export const pricingModule: ModuleDefinition<PricingServices> = defineModule({
  name: 'pricing',
  entities: [PriceType, PriceList, PriceListLine, PriceRecord, DiscountRule],
  resolvers: [DiscountRuleResolver, PricingSettingsResolver, QuoteResolver, PriceTypeResolver, PriceListResolver, PricesChangedResolver, PriceListLineResolver, PriceResolver, PriceRecordResolver, ProductPriceResolver],
  services: () => ({
    discountRules: new DiscountRuleService(),
    pricingSettings: new PricingSettingsService(),
    quotes: new QuoteService(),
    priceTypes: new PriceTypeService(),
    priceLists: new PriceListService(),
    priceListBulk: new PriceListBulkService(),
    prices: new PriceService(),
    priceRecompute: new PriceRecomputeService(),
  }),
  registers: [priceRegister],
  documentTypes: [priceListType],
  handles: [StockCostChanged.handle((ctx, change) => repriceFromCost(ctx, change.date, change.productIds))],
  constraintMessages: {
    price_type_single_default: { code: ErrorCode.CONFLICT, field: 'isDefault', message: 'another price type became the default meanwhile; try again' },
    price_type_derivation_base: { code: ErrorCode.BAD_USER_INPUT, field: 'basePriceTypeId', message: 'is required for FROM_PRICE_TYPE and refused otherwise' },
    price_type_adjustment: { code: ErrorCode.BAD_USER_INPUT, field: 'adjustmentPercent', message: 'is required for a derived price type, refused otherwise, and must be greater than −100' },
    discount_rule_period: { code: ErrorCode.BAD_USER_INPUT, field: 'activeTo', message: 'must not be before activeFrom' },
    discount_rule_percent_range: { code: ErrorCode.BAD_USER_INPUT, field: 'percent', message: 'percent and capPercent must be between 0 and 100' },
  },
  permissions: {
    resources: ['priceType', 'priceList', 'discountRule', 'price'],
    grants: {
      [Role.SALES_HEAD]: { resources: { price: READ, priceType: FULL, priceList: POSTING, discountRule: FULL } },
      [Role.SALES_MANAGER]: { resources: { price: READ, priceType: READ, priceList: READ, discountRule: READ } },
      [Role.PURCHASING]: { resources: { price: READ, priceType: READ, priceList: READ } },
      [Role.MARKETING]: { resources: { price: READ, priceType: READ, priceList: READ, discountRule: FULL } },
      [Role.SERVICE]: { resources: { price: READ, priceType: READ } },
      [Role.ACCOUNTANT]: { resources: { price: READ, priceType: READ, priceList: READ, discountRule: READ } },
      [Role.PARTNER]: { resources: { price: READ } },
    },
  },
});
