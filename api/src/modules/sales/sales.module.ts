import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { UnitPrecisionReducing } from '../catalog/unit.events';
import { finerOrderQuantities } from './finer-quantities';
import { POSTING, READ, Role } from '../identity/permissions';
import { AvailabilityResolver, SalesSettingsResolver } from './availability.resolver';
import { AvailabilityService } from './availability.service';
import { ClientSettlementService } from './client-settlement.service';
import { OrderReservationService } from './order-reservation.service';
import { backorderJobs, OrderBackorderService } from './order-backorders.service';
import { OrderPrepaymentService, prepaymentJobs } from './order-prepayment.service';
import { OrderStatusChangedResolver } from './order-status-changed.resolver';
import { StockArrived } from '../inventory/stock.events';
import { CustomerOrder, CustomerOrderLine } from './order.entity';
import { OrderLineResolver, OrderResolver } from './order.resolver';
import { OrderService } from './order.service';
import { reservationRegister } from './reservation.register';
import { ClientBalance, ClientSettlement, ClientSettlementMonthTotal, SalesRegisterRow, SalesVatBook } from './sales-registers.entity';
import { clientSettlementRegister, salesRegister, salesVatBookRegister } from './sales.registers';
import { StockReservation } from './reservation.entity';
import { SalesSettingsService } from './sales-settings.service';

export interface SalesServices {
  orders: OrderService;
  orderReservations: OrderReservationService;
  orderBackorders: OrderBackorderService;
  orderPrepayments: OrderPrepaymentService;
  availability: AvailabilityService;
  salesSettings: SalesSettingsService;
  clientSettlements: ClientSettlementService;
}

/** Customer orders and their reservations (issue 12, first slice); shipments, invoices and payments follow. */
export const salesModule: ModuleDefinition<SalesServices> = defineModule({
  name: 'sales',
  entities: [CustomerOrder, CustomerOrderLine, StockReservation, SalesRegisterRow, ClientSettlement, ClientBalance, ClientSettlementMonthTotal, SalesVatBook],
  resolvers: [OrderResolver, OrderLineResolver, AvailabilityResolver, SalesSettingsResolver, OrderStatusChangedResolver],
  services: () => ({
    orders: new OrderService(),
    orderReservations: new OrderReservationService(),
    orderBackorders: new OrderBackorderService(),
    orderPrepayments: new OrderPrepaymentService(),
    availability: new AvailabilityService(),
    salesSettings: new SalesSettingsService(),
    clientSettlements: new ClientSettlementService(),
  }),
  registers: [reservationRegister, salesRegister, clientSettlementRegister, salesVatBookRegister],
  // a unit counted more coarsely must not leave orders it cannot count
  handles: [
    UnitPrecisionReducing.handle(async (ctx, change) => void change.held.push(await finerOrderQuantities(ctx, change.products, change.places))),
    // goods came in: orders waiting for them are reserved by a job created in the posting transaction
    StockArrived.handle((ctx, { warehouseId, productIds }) => ctx.services.orderBackorders.goodsArrived(ctx, warehouseId, productIds)),
  ],
  jobs: [...backorderJobs, ...prepaymentJobs],
  constraintMessages: {
    customer_order_idempotency_unique: { code: ErrorCode.CONFLICT, message: 'An order with this idempotency key is being created; try again', field: 'idempotencyKey' },
    customer_order_line_product_unique: { code: ErrorCode.BAD_USER_INPUT, message: 'the product is already on another line', field: 'lines' },
    customer_order_line_backordered_range: { code: ErrorCode.INVALID_STATE, message: 'A line cannot wait for more than it orders' },
  },
  permissions: {
    resources: ['order', 'salesSettings'],
    grants: {
      [Role.SALES_HEAD]: { resources: { order: POSTING, salesSettings: ['read', 'update'] } },
      [Role.SALES_MANAGER]: { resources: { order: POSTING, salesSettings: READ } },
      [Role.PARTNER]: { resources: { order: ['read', 'create', 'update', 'post'] } },
      [Role.WAREHOUSE]: { resources: { order: READ } },
      [Role.ACCOUNTANT]: { resources: { order: READ } },
    },
  },
});
