import type { EnumName } from '../shared/enums';

/** The record types the audit log names, in the order of its filter. */
export const AUDITED = [
  'Product', 'ProductGroup', 'Unit', 'Warehouse', 'Counterparty', 'User', 'ApiKey', 'PriceType', 'PriceList', 'PriceListLine', 'DiscountRule',
  'GoodsReceipt', 'GoodsReceiptLine', 'StockTransfer', 'StockTransferLine', 'WriteOff', 'WriteOffLine', 'StockCount', 'StockCountLine', 'LandedCost', 'LandedCostLine',
] as const;

/** Fields that hold the id of another record (the audit log keeps ids), by the record type they point at. */
const REFERENCES: Record<string, string> = {
  unit: 'Unit', group: 'ProductGroup', parent: 'ProductGroup', owner: 'User', teamMembers: 'User', createdBy: 'User', revokedBy: 'User', priceType: 'PriceType', basePriceType: 'PriceType',
  counterparty: 'Counterparty', supplier: 'Counterparty', warehouse: 'Warehouse', fromWarehouse: 'Warehouse', toWarehouse: 'Warehouse', product: 'Product',
  priceList: 'PriceList', basePriceList: 'PriceList', goodsReceipt: 'GoodsReceipt', stockTransfer: 'StockTransfer', writeOff: 'WriteOff', stockCount: 'StockCount', landedCost: 'LandedCost',
};

/** Fields that hold enum values, per record type where the same name means another enum. */
const ENUMS: Record<string, EnumName> = {
  'Product.kind': 'ProductKind', 'Counterparty.kind': 'CounterpartyKind', 'Counterparty.roles': 'CounterpartyRole', 'User.roles': 'Role',
  'PriceType.rounding': 'PriceRounding', 'PriceType.derivation': 'PriceDerivation', 'PriceList.source': 'PriceListSource',
  'DiscountRule.kind': 'DiscountRuleKind', 'DiscountRule.stacking': 'DiscountStacking', 'WriteOff.reason': 'WriteOffReason', 'LandedCost.method': 'LandedCostMethod',
  status: 'DocumentStatus',
};

export type AuditValueKind = { reference: string } | { enumName: EnumName } | { plain: true };

/** What a changed field of a record type holds: another record's id, an enum value, or a plain value. */
export function auditValueKind(entity: string, field: string): AuditValueKind {
  if (REFERENCES[field]) return { reference: REFERENCES[field] };
  const enumName = ENUMS[`${entity}.${field}`] ?? ENUMS[field];
  return enumName ? { enumName } : { plain: true };
}

/** How a plain value reads: yes/no, a day, a moment, text; an object (bank details, rule conditions) field by field. */
export type PlainValue = { kind: 'empty' } | { kind: 'boolean'; value: boolean } | { kind: 'day'; value: string } | { kind: 'moment'; value: string } | { kind: 'text'; value: string } | { kind: 'object'; value: Record<string, unknown> };

export function plainValue(value: unknown): PlainValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'day', value };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return { kind: 'moment', value };
  if (value && typeof value === 'object' && !Array.isArray(value)) return { kind: 'object', value: value as Record<string, unknown> };
  return { kind: 'text', value: Array.isArray(value) ? value.join(', ') : String(value) };
}
