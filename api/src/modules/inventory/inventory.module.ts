import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { POSTING, READ, Role } from '../identity/permissions';
import { UnitPrecisionReducing } from '../catalog/unit.events';
import { expenseAdjuster, transferAdjuster } from './cost-adjustment';
import { finerStockQuantities } from './finer-quantities';
import { goodsReceiptType } from './goods-receipt.document';
import { landedCostType } from './landed-cost.document';
import { stockTransferType, writeOffType } from './outgoing-stock.documents';
import { stockCountType } from './stock-count.document';
import { expenseRegister, purchaseVatBookRegister, stockRegister, supplierSettlementRegister } from './stock.registers';
import { ExpenseRegister } from './expense-register.entity';
import { GoodsReceipt, GoodsReceiptLine } from './goods-receipt.entity';
import { GoodsReceiptLineResolver, GoodsReceiptResolver } from './goods-receipt.resolver';
import { GoodsReceiptService } from './goods-receipt.service';
import { CostAdjustment, LandedCost, LandedCostLine } from './landed-cost.entity';
import { CostAdjustmentResolver, LandedCostLineResolver, LandedCostResolver } from './landed-cost.resolver';
import { LandedCostService } from './landed-cost.service';
import { StockTransferLineResolver, StockTransferResolver, WriteOffLineResolver, WriteOffResolver } from './outgoing-stock.resolver';
import { StockTransferService, WriteOffService } from './outgoing-stock.service';
import { ProductAvailabilityResolver, ProductAvailabilityWarehouseResolver } from './product-availability.resolver';
import { PurchaseVatBook, SupplierBalance, SupplierSettlement, SupplierSettlementMonthTotal } from './purchase-registers.entity';
import { StockChangedResolver } from './stock-changed.resolver';
import { StockCount, StockCountLine } from './stock-count.entity';
import { StockCountLineResolver, StockCountResolver } from './stock-count.resolver';
import { StockCountService } from './stock-count.service';
import { StockTransfer, StockTransferLine } from './stock-transfer.entity';
import { StockValuationResolver } from './stock-valuation.resolver';
import { StockValuationService } from './stock-valuation.service';
import { StockBalance, StockLot, StockMonthTotal, StockMovement } from './stock.entity';
import { StockBalanceResolver, StockLotResolver, StockMovementResolver } from './stock.resolver';
import { StockService } from './stock.service';
import { Warehouse } from './warehouse.entity';
import { WarehouseResolver } from './warehouse.resolver';
import { WarehouseService } from './warehouse.service';
import { WriteOff, WriteOffLine } from './write-off.entity';

export interface InventoryServices {
  warehouses: WarehouseService;
  goodsReceipts: GoodsReceiptService;
  stock: StockService;
  stockValuation: StockValuationService;
  stockTransfers: StockTransferService;
  writeOffs: WriteOffService;
  stockCounts: StockCountService;
  landedCosts: LandedCostService;
}

/** Warehouses and stock: receipts, transfers, write-offs, counts and landed costs posting into FIFO lots and the stock register. */
export const inventoryModule: ModuleDefinition<InventoryServices> = defineModule({
  name: 'inventory',
  entities: [Warehouse, StockLot, StockMovement, StockBalance, StockMonthTotal, SupplierSettlement, SupplierBalance, SupplierSettlementMonthTotal, PurchaseVatBook, GoodsReceipt, GoodsReceiptLine, StockTransfer, StockTransferLine, WriteOff, WriteOffLine, ExpenseRegister, StockCount, StockCountLine, LandedCost, LandedCostLine, CostAdjustment],
  resolvers: [WarehouseResolver, GoodsReceiptResolver, GoodsReceiptLineResolver, StockBalanceResolver, StockLotResolver, StockMovementResolver, StockValuationResolver, StockTransferResolver, StockTransferLineResolver, WriteOffResolver, WriteOffLineResolver, StockChangedResolver, StockCountResolver, StockCountLineResolver, LandedCostResolver, LandedCostLineResolver, CostAdjustmentResolver, ProductAvailabilityResolver, ProductAvailabilityWarehouseResolver],
  services: () => ({
    warehouses: new WarehouseService(),
    goodsReceipts: new GoodsReceiptService(),
    stock: new StockService(),
    stockValuation: new StockValuationService(),
    stockTransfers: new StockTransferService(),
    writeOffs: new WriteOffService(),
    stockCounts: new StockCountService(),
    landedCosts: new LandedCostService(),
  }),
  registers: [stockRegister, expenseRegister, supplierSettlementRegister, purchaseVatBookRegister],
  documentTypes: [goodsReceiptType, stockTransferType, writeOffType, stockCountType, landedCostType],
  // a unit counted more coarsely must not leave stock or stock documents it cannot count
  handles: [UnitPrecisionReducing.handle(async (ctx, change) => void change.held.push(await finerStockQuantities(ctx, change.products, change.places)))],
  costAdjusters: { WriteOff: expenseAdjuster, StockCount: expenseAdjuster, StockTransfer: transferAdjuster },
  constraintMessages: {
    // a posting checks availability first (INSUFFICIENT_STOCK); this is the database's last word on a race
    stock_balance_covered: { code: ErrorCode.INSUFFICIENT_STOCK, message: 'Not enough stock: the warehouse does not allow its stock to go below zero or below what is reserved', details: { reason: 'NEGATIVE_STOCK' } },
    stock_balance_reserved_nonnegative: { code: ErrorCode.INVALID_STATE, message: 'More would be released than is reserved' },
    stock_lot_remaining_range: { code: ErrorCode.INSUFFICIENT_STOCK, message: 'Not enough stock: a lot has less left than is taken from it' },
    stock_lot_value_nonnegative: { code: ErrorCode.INVALID_STATE, message: 'The value of a lot would go below zero' },
    stock_transfer_warehouses_differ: { code: ErrorCode.BAD_USER_INPUT, field: 'toWarehouseId', message: 'must not be the source warehouse' },
  },
  permissions: {
    resources: ['warehouse', 'stockDocument', 'stock'],
    // availability:read: what is available per warehouse (Product.availability), without the
    // stock register; those who sell and those who read stock have it, partners too
    fields: ['cost:read', 'availability:read'],
    grants: {
      [Role.SALES_HEAD]: { resources: { warehouse: READ, stock: READ }, fields: ['cost:read', 'availability:read'] },
      [Role.SALES_MANAGER]: { resources: { warehouse: READ, stock: READ }, fields: ['availability:read'] },
      [Role.WAREHOUSE]: { resources: { warehouse: ['read', 'update'], stockDocument: POSTING, stock: READ }, fields: ['availability:read'] },
      [Role.PURCHASING]: { resources: { warehouse: READ, stockDocument: ['read', 'create', 'update', 'post'], stock: READ }, fields: ['cost:read', 'availability:read'] },
      [Role.SERVICE]: { resources: { warehouse: READ } },
      [Role.ACCOUNTANT]: { resources: { warehouse: READ, stockDocument: READ, stock: READ }, fields: ['cost:read', 'availability:read'] },
      [Role.PARTNER]: { fields: ['availability:read'] },
    },
  },
});
