import type { MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import { EventBus } from '../shared/event-bus';
import type { Config } from '../config';
import { AuditService } from '../modules/identity/audit.service';
import { AuthService } from '../modules/identity/auth.service';
import { LoginLimiter } from '../modules/identity/login-limiter';
import { SessionService } from '../modules/identity/session.service';
import { TokenService } from '../modules/identity/token.service';
import { UserService } from '../modules/identity/user.service';
import { UnitService } from '../modules/catalog/unit.service';
import { ProductGroupService } from '../modules/catalog/product-group.service';
import { ProductService } from '../modules/catalog/product.service';
import { CounterpartyService } from '../modules/crm/counterparty.service';
import { WarehouseService } from '../modules/inventory/warehouse.service';
import { DiscountRuleService } from '../modules/pricing/discount-rule.service';
import { PricingSettingsService } from '../modules/pricing/pricing-settings.service';
import { QuoteService } from '../modules/pricing/quote.service';
import { PriceTypeService } from '../modules/pricing/price-type.service';
import { PriceListPosting } from '../modules/pricing/price-list-posting.service';
import { PriceListService } from '../modules/pricing/price-list.service';
import { PriceListBulkService } from '../modules/pricing/price-list-bulk.service';
import { PriceService } from '../modules/pricing/price.service';
import { GoodsReceiptService } from '../modules/inventory/goods-receipt.service';
import { StockService } from '../modules/inventory/stock.service';
import { StockValuationService } from '../modules/inventory/stock-valuation.service';
import { StockTransferService, WriteOffService } from '../modules/inventory/outgoing-stock.service';
import { StockCountService } from '../modules/inventory/stock-count.service';
import { LandedCostService } from '../modules/inventory/landed-cost.service';
import { PeriodCloseService } from '../modules/ledger/period-close.service';
import { RequestGate } from './request-gate';

/** One instance of each service per process; they hold no request state. */
export async function createServices(orm: MikroORM, config: Config, logger: Logger = pino({ level: 'silent' })) {
  const events = await EventBus.start(orm.config.get('clientUrl')!, logger);
  const tokens = await TokenService.create(orm.em.fork(), config.JWT_SECRET, config.JWT_TTL);
  const sessions = new SessionService(orm, tokens, config.SESSION_CACHE_SECONDS * 1000);
  const limiter = new LoginLimiter(orm.em.getKnex(), {
    perEmail: config.LOGIN_ATTEMPTS_PER_EMAIL,
    perIp: config.LOGIN_ATTEMPTS_PER_IP,
    windowSeconds: config.LOGIN_WINDOW_SECONDS,
  });
  return {
    events,
    /** Releases what the services hold open (the event listener's connection). */
    close: () => events.close(),
    tokens,
    sessions,
    auth: new AuthService(tokens, limiter, sessions, new RequestGate({ running: config.PASSWORD_CHECKS_AT_ONCE, queued: config.PASSWORD_CHECKS_QUEUED })),
    users: new UserService(sessions),
    audit: new AuditService(),
    units: new UnitService(),
    productGroups: new ProductGroupService(),
    products: new ProductService(),
    warehouses: new WarehouseService(),
    counterparties: new CounterpartyService(),
    discountRules: new DiscountRuleService(),
    pricingSettings: new PricingSettingsService(),
    quotes: new QuoteService(),
    priceTypes: new PriceTypeService(),
    priceLists: new PriceListService(new PriceListPosting()),
    priceListBulk: new PriceListBulkService(),
    prices: new PriceService(),
    goodsReceipts: new GoodsReceiptService(),
    stock: new StockService(),
    stockValuation: new StockValuationService(),
    stockTransfers: new StockTransferService(),
    writeOffs: new WriteOffService(),
    stockCounts: new StockCountService(),
    landedCosts: new LandedCostService(),
    periodClose: new PeriodCloseService(),
  };
}

export type Services = Awaited<ReturnType<typeof createServices>>;
