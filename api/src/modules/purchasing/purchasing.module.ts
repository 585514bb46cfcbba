import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { POSTING, READ, Role } from '../identity/permissions';
import { PurchaseControlResolver, SupplierScorecardResolver } from './purchase-control.resolver';
import { PurchaseControlService } from './purchase-control.service';
import { purchaseOrderType } from './purchase-order.document';
import { PurchaseOrder, PurchaseOrderLine } from './purchase-order.entity';
import { PurchaseOrderLineResolver, PurchaseOrderResolver } from './purchase-order.resolver';
import { PurchaseOrderService } from './purchase-order.service';
import { PurchaseReceiptService } from './purchase-receipt.service';
import { purchasesRegister } from './purchase.registers';
import { PurchaseOrderBalance, PurchaseRegister } from './purchase-register.entity';
import { ProductMainSupplier, SupplierPrice } from './supplier-price.entity';
import { ProductMainSupplierResolver, SupplierPriceResolver } from './supplier-price.resolver';
import { SupplierPriceService } from './supplier-price.service';

export interface PurchasingServices {
  purchaseOrders: PurchaseOrderService;
  purchaseReceipts: PurchaseReceiptService;
  supplierPrices: SupplierPriceService;
  purchaseControl: PurchaseControlService;
}

/** Purchasing (issue 14): supplier prices, purchase orders on the purchases register, receipts against them, purchase control. */
export const purchasingModule: ModuleDefinition<PurchasingServices> = defineModule({
  name: 'purchasing',
  entities: [PurchaseOrder, PurchaseOrderLine, SupplierPrice, ProductMainSupplier, PurchaseRegister, PurchaseOrderBalance],
  resolvers: [PurchaseOrderResolver, PurchaseOrderLineResolver, SupplierPriceResolver, ProductMainSupplierResolver, PurchaseControlResolver, SupplierScorecardResolver],
  services: () => ({
    purchaseOrders: new PurchaseOrderService(),
    purchaseReceipts: new PurchaseReceiptService(),
    supplierPrices: new SupplierPriceService(),
    purchaseControl: new PurchaseControlService(),
  }),
  registers: [purchasesRegister],
  documentTypes: [purchaseOrderType],
  constraintMessages: {
    purchase_order_tolerance_range: { code: ErrorCode.BAD_USER_INPUT, field: 'receiptTolerancePercent', message: 'must be between 0 and 100' },
  },
  permissions: {
    resources: ['purchaseOrder', 'supplierPrice'],
    // purchase:overReceive: a receipt may bring more than an order line's tolerance allows (ADMIN only by default)
    fields: ['purchase:overReceive'],
    grants: {
      [Role.PURCHASING]: { resources: { purchaseOrder: POSTING, supplierPrice: ['read', 'create', 'update'] } },
      [Role.WAREHOUSE]: { resources: { purchaseOrder: READ } },
      [Role.ACCOUNTANT]: { resources: { purchaseOrder: READ, supplierPrice: READ } },
      [Role.SALES_HEAD]: { resources: { purchaseOrder: READ } },
    },
  },
});
