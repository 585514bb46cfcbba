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
import { CustomerReturn, CustomerReturnLine } from './customer-return.entity';
import { customerReturnType } from './customer-return.document';
import { CustomerReturnService } from './customer-return.service';
import { shipmentAdjuster } from './shipment.cost-adjuster';
import { OrderLineShippingResolver, OrdersToShipResolver } from './shipment-control.resolver';
import { ShipmentControlService } from './shipment-control.service';
import { shipmentType } from './shipment.document';
import { Shipment, ShipmentLine } from './shipment.entity';
import { CustomerReturnLineResolver, CustomerReturnResolver, ShipmentLineResolver, ShipmentResolver } from './shipment.resolver';
import { ShipmentService } from './shipment.service';
import { SalesHistoryService } from './sales-history.service';

export interface SalesServices {
  orders: OrderService;
  orderReservations: OrderReservationService;
  orderBackorders: OrderBackorderService;
  orderPrepayments: OrderPrepaymentService;
  availability: AvailabilityService;
  salesSettings: SalesSettingsService;
  clientSettlements: ClientSettlementService;
  shipments: ShipmentService;
  customerReturns: CustomerReturnService;
  shipmentControl: ShipmentControlService;
  salesHistory: SalesHistoryService;
}

/** Customer orders and their reservations (issue 12, first slice); shipments, invoices and payments follow. */
export const salesModule: ModuleDefinition<SalesServices> = defineModule({
  name: 'sales',
  entities: [CustomerOrder, CustomerOrderLine, StockReservation, SalesRegisterRow, ClientSettlement, ClientBalance, ClientSettlementMonthTotal, SalesVatBook, Shipment, ShipmentLine, CustomerReturn, CustomerReturnLine],
  resolvers: [OrderResolver, OrderLineResolver, AvailabilityResolver, SalesSettingsResolver, OrderStatusChangedResolver, ShipmentResolver, ShipmentLineResolver, CustomerReturnResolver, CustomerReturnLineResolver, OrderLineShippingResolver, OrdersToShipResolver],
  services: () => ({
    orders: new OrderService(),
    orderReservations: new OrderReservationService(),
    orderBackorders: new OrderBackorderService(),
    orderPrepayments: new OrderPrepaymentService(),
    availability: new AvailabilityService(),
    salesSettings: new SalesSettingsService(),
    clientSettlements: new ClientSettlementService(),
    shipments: new ShipmentService(),
    customerReturns: new CustomerReturnService(),
    shipmentControl: new ShipmentControlService(),
    salesHistory: new SalesHistoryService(),
  }),
  registers: [reservationRegister, salesRegister, clientSettlementRegister, salesVatBookRegister],
  documentTypes: [shipmentType, customerReturnType],
  costAdjusters: { Shipment: shipmentAdjuster },
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
    resources: ['order', 'salesSettings', 'shipment', 'customerReturn'],
    grants: {
      [Role.SALES_HEAD]: { resources: { order: POSTING, salesSettings: ['read', 'update'], shipment: POSTING, customerReturn: POSTING } },
      [Role.SALES_MANAGER]: { resources: { order: POSTING, salesSettings: READ, shipment: POSTING, customerReturn: POSTING } },
      [Role.PARTNER]: { resources: { order: ['read', 'create', 'update', 'post'], shipment: READ, customerReturn: READ } },
      [Role.WAREHOUSE]: { resources: { order: READ, shipment: POSTING, customerReturn: POSTING } },
      [Role.ACCOUNTANT]: { resources: { order: READ, shipment: READ, customerReturn: READ } },
      [Role.SERVICE]: { resources: { customerReturn: POSTING } },
    },
  },
});
