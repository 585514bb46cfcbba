import { AppSetting } from '../shared/app-setting.entity';
import { OutboxEvent } from '../shared/outbox-event.entity';
import { AuditEntry } from '../modules/identity/audit-entry.entity';
import { User } from '../modules/identity/user.entity';
import { Unit } from '../modules/catalog/unit.entity';
import { ProductGroup } from '../modules/catalog/product-group.entity';
import { Product } from '../modules/catalog/product.entity';
import { Warehouse } from '../modules/inventory/warehouse.entity';
import { BankDetails, Counterparty } from '../modules/crm/counterparty.entity';
import { CounterpartyTeamMember } from '../modules/crm/counterparty-team-member.entity';

import { DocumentSequence } from '../modules/ledger/document-sequence.entity';
import { PriceType } from '../modules/pricing/price-type.entity';
import { PriceList, PriceListLine } from '../modules/pricing/price-list.entity';
import { PriceRecord } from '../modules/pricing/price-record.entity';
import { DiscountRule } from '../modules/pricing/discount-rule.entity';
import { StockBalance, StockLot, StockMonthTotal, StockMovement } from '../modules/inventory/stock.entity';
import { PurchaseVatBook, SupplierSettlement } from '../modules/inventory/purchase-registers.entity';
import { GoodsReceipt, GoodsReceiptLine } from '../modules/inventory/goods-receipt.entity';
import { StockTransfer, StockTransferLine } from '../modules/inventory/stock-transfer.entity';
import { WriteOff, WriteOffLine } from '../modules/inventory/write-off.entity';
import { ExpenseRegister } from '../modules/inventory/expense-register.entity';
import { StockCount, StockCountLine } from '../modules/inventory/stock-count.entity';
import { CostAdjustment, LandedCost, LandedCostLine } from '../modules/inventory/landed-cost.entity';

/** Every entity, listed so discovery works the same from TypeScript and compiled code. */
export const entities = [AppSetting, OutboxEvent, AuditEntry, User, Unit, ProductGroup, Product, Warehouse, BankDetails, Counterparty, CounterpartyTeamMember, DocumentSequence, PriceType, PriceList, PriceListLine, PriceRecord, DiscountRule, StockLot, StockMovement, StockBalance, StockMonthTotal, SupplierSettlement, PurchaseVatBook, GoodsReceipt, GoodsReceiptLine, StockTransfer, StockTransferLine, WriteOff, WriteOffLine, ExpenseRegister, StockCount, StockCountLine, LandedCost, LandedCostLine, CostAdjustment];
