import type { MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import { EventBus } from '../shared/event-bus';
import { JobQueue } from '../shared/job-queue';
import { OutboxDispatcher } from '../shared/outbox';
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

/**
 * One instance of each service per process; they hold no request state. Starts the
 * event listener, the job queue (workers too with JOBS=inline) and the outbox dispatcher.
 */
export async function createServices(orm: MikroORM, config: Config, logger: Logger = pino({ level: 'silent' })) {
  const url = orm.config.get('clientUrl')!;
  const events = await EventBus.start(url, logger);
  const jobs = new JobQueue(url, { mode: config.JOBS, pollSeconds: config.JOBS_POLL_SECONDS }, logger);
  const outbox = new OutboxDispatcher(orm.em.getKnex(), jobs, logger, { enabled: config.OUTBOX_DISPATCH === 'on', pollMs: config.OUTBOX_POLL_MS, retentionHours: config.OUTBOX_RETENTION_HOURS });
  const tokens = await TokenService.create(orm.em.fork(), config.JWT_SECRET, config.JWT_TTL);
  const sessions = new SessionService(orm, tokens, config.SESSION_CACHE_SECONDS * 1000);
  const limiter = new LoginLimiter(orm.em.getKnex(), {
    perEmail: config.LOGIN_ATTEMPTS_PER_EMAIL,
    perIp: config.LOGIN_ATTEMPTS_PER_IP,
    windowSeconds: config.LOGIN_WINDOW_SECONDS,
  });
  const services = {
    events,
    jobs,
    outbox,
    /** Stops publishing and taking jobs (running ones finish), then releases the event listener's connection. */
    close: async () => {
      await outbox.stop();
      await jobs.stop();
      await events.close();
    },
    tokens,
    sessions,
    auth: new AuthService(tokens, limiter, sessions),
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
  await jobs.start(orm, services);
  outbox.start();
  return services;
}

export type Services = Awaited<ReturnType<typeof createServices>>;
