import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { UnitPrecisionReducing } from '../catalog/unit.events';
import { finerOrderQuantities } from './finer-quantities';
import { finerSalesDocumentQuantities } from './sales-document-quantities';
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
import { CreditControlService } from './credit-control.service';
import { CreditOverride } from './credit-override.entity';
import { invoiceType } from './invoice.document';
import { Invoice, InvoiceLine } from './invoice.entity';
import { InvoiceLineResolver, InvoiceResolver } from './invoice.resolver';
import { InvoiceService } from './invoice.service';
import { incomingPaymentType } from './payment.document';
import { IncomingPayment, PaymentAllocation } from './payment.entity';
import { PaymentResolver } from './payment.resolver';
import { PaymentService } from './payment.service';
import { serviceActType } from './service-act.document';
import { ServiceAct, ServiceActLine } from './service-act.entity';
import { ServiceActLineResolver, ServiceActResolver } from './service-act.resolver';
import { ServiceActService } from './service-act.service';
import { SettlementResolver } from './settlement.resolver';
import { SettlementViewService } from './settlement-views.service';

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
  serviceActs: ServiceActService;
  invoices: InvoiceService;
  payments: PaymentService;
  settlementViews: SettlementViewService;
  creditControl: CreditControlService;
}

/** Customer orders and their reservations, service acts, invoices for payment, incoming payments, settlements and credit control (issue 12). */
export const salesModule: ModuleDefinition<SalesServices> = defineModule({
  name: 'sales',
  entities: [CustomerOrder, CustomerOrderLine, StockReservation, SalesRegisterRow, ClientSettlement, ClientBalance, ClientSettlementMonthTotal, SalesVatBook, Shipment, ShipmentLine, CustomerReturn, CustomerReturnLine, ServiceAct, ServiceActLine, Invoice, InvoiceLine, IncomingPayment, PaymentAllocation, CreditOverride],
  resolvers: [OrderResolver, OrderLineResolver, AvailabilityResolver, SalesSettingsResolver, OrderStatusChangedResolver, ShipmentResolver, ShipmentLineResolver, CustomerReturnResolver, CustomerReturnLineResolver, OrderLineShippingResolver, OrdersToShipResolver, ServiceActResolver, ServiceActLineResolver, InvoiceResolver, InvoiceLineResolver, PaymentResolver, SettlementResolver],
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
    serviceActs: new ServiceActService(),
    invoices: new InvoiceService(),
    payments: new PaymentService(),
    settlementViews: new SettlementViewService((ctx) => ctx.services.clientSettlements),
    creditControl: new CreditControlService(),
  }),
  registers: [reservationRegister, salesRegister, clientSettlementRegister, salesVatBookRegister],
  documentTypes: [shipmentType, customerReturnType, serviceActType, invoiceType, incomingPaymentType],
  costAdjusters: { Shipment: shipmentAdjuster },
  // a unit counted more coarsely must not leave orders it cannot count
  handles: [
    UnitPrecisionReducing.handle(async (ctx, change) => void change.held.push(await finerOrderQuantities(ctx, change.products, change.places))),
    UnitPrecisionReducing.handle(async (ctx, change) => void change.held.push(await finerSalesDocumentQuantities(ctx, change.products, change.places))),
    // goods came in: orders waiting for them are reserved by a job created in the posting transaction
    StockArrived.handle((ctx, { warehouseId, productIds }) => ctx.services.orderBackorders.goodsArrived(ctx, warehouseId, productIds)),
  ],
  jobs: [...backorderJobs, ...prepaymentJobs],
  constraintMessages: {
    customer_order_idempotency_unique: { code: ErrorCode.CONFLICT, message: 'An order with this idempotency key is being created; try again', field: 'idempotencyKey' },
    customer_order_line_product_unique: { code: ErrorCode.BAD_USER_INPUT, message: 'the product is already on another line', field: 'lines' },
    incoming_payment_idempotency_unique: { code: ErrorCode.CONFLICT, message: 'A payment with this idempotency key is being registered; try again', field: 'idempotencyKey' },
    incoming_payment_amount_positive: { code: ErrorCode.BAD_USER_INPUT, message: 'must be greater than 0', field: 'amount' },
    customer_order_line_backordered_range: { code: ErrorCode.INVALID_STATE, message: 'A line cannot wait for more than it orders' },
  },
  permissions: {
    resources: ['order', 'salesSettings', 'shipment', 'customerReturn', 'serviceAct', 'invoice', 'payment', 'settlement'],
    // credit:override lets an order past credit control (the reason is audited)
    fields: ['credit:override'],
    grants: {
      [Role.SALES_HEAD]: { resources: { order: POSTING, salesSettings: ['read', 'update'], shipment: POSTING, customerReturn: POSTING, serviceAct: POSTING, invoice: POSTING, payment: POSTING, settlement: READ }, fields: ['credit:override'] },
      [Role.SALES_MANAGER]: { resources: { order: POSTING, salesSettings: READ, shipment: POSTING, customerReturn: POSTING, serviceAct: POSTING, invoice: POSTING, payment: POSTING, settlement: READ } },
      [Role.PARTNER]: { resources: { order: ['read', 'create', 'update', 'post'], shipment: READ, customerReturn: READ, serviceAct: READ, invoice: READ, payment: READ, settlement: READ } },
      [Role.WAREHOUSE]: { resources: { order: READ, shipment: POSTING, customerReturn: POSTING } },
      [Role.ACCOUNTANT]: { resources: { order: READ, shipment: READ, customerReturn: READ, serviceAct: POSTING, invoice: POSTING, payment: POSTING, settlement: READ } },
      [Role.SERVICE]: { resources: { customerReturn: POSTING } },
    },
  },
});
