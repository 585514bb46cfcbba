import { SelectArrayInput, SelectField, SelectInput, useTranslate, type SelectArrayInputProps, type SelectFieldProps, type SelectInputProps } from 'react-admin';

/** Enum values as the schema declares them; their labels come from enums.<Enum>.<VALUE>. */
export const ENUMS = {
  ProductKind: ['GOODS', 'SERVICE'],
  CounterpartyKind: ['COMPANY', 'PERSON'],
  CounterpartyRole: ['CLIENT', 'SUPPLIER'],
  Role: ['ADMIN', 'SALES_HEAD', 'SALES_MANAGER', 'WAREHOUSE', 'PURCHASING', 'MARKETING', 'SERVICE', 'ACCOUNTANT', 'PARTNER'],
  AuditAction: ['CREATE', 'UPDATE', 'DELETE'],
  DocumentStatus: ['DRAFT', 'POSTED', 'CANCELLED'],
  OrderStatus: ['DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CLOSED', 'CANCELLED'],
  RequisitionStatus: ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PARTLY_ORDERED', 'ORDERED', 'CLOSED'],
  WriteOffReason: ['DAMAGE', 'SHORTAGE', 'EXPIRY', 'OWN_USE', 'OTHER'],
  LandedCostMethod: ['VALUE', 'QUANTITY', 'WEIGHT', 'MANUAL'],
  CostAdjustmentKind: ['LOT', 'COGS', 'TRANSFER', 'EXPENSE'],
  PriceDerivation: ['NONE', 'FROM_PRICE_TYPE', 'FROM_COST'],
  PriceRounding: ['KOPECK', 'ROUBLE', 'TEN_ROUBLES'],
  PriceListSource: ['MANUAL', 'IMPORT', 'REPRICE', 'DERIVED'],
  DiscountRuleKind: ['ORDER_AMOUNT_TIER', 'QUANTITY_BREAK', 'PRODUCT_GROUP', 'CLIENT_SEGMENT', 'PURCHASE_HISTORY', 'PROMO_CODE'],
  DiscountStacking: ['COMBINABLE', 'EXCLUSIVE'],
  ReturnCondition: ['RESALEABLE', 'DEFECTIVE'],
  PaymentMethod: ['BANK', 'CASH'],
  ClientStatus: ['LEAD', 'PROSPECT', 'CUSTOMER', 'LOST'],
  DealStageKind: ['OPEN', 'WON', 'LOST'],
  ClientReferenceKind: ['REGION', 'INDUSTRY', 'SEGMENT', 'LEAD_SOURCE'],
  ChannelType: ['PHONE', 'MOBILE', 'EMAIL', 'TELEGRAM', 'WHATSAPP', 'OTHER'],
  ActivityType: ['CALL', 'MEETING', 'TASK', 'EMAIL'],
  ActivityStatus: ['PLANNED', 'DONE', 'CANCELLED'],
  TimelineKind: ['NOTE', 'STATUS', 'OWNER', 'ACTIVITY', 'DEAL', 'ORDER', 'SHIPMENT', 'RETURN', 'INVOICE', 'PAYMENT', 'DOCUMENT'],
  AgendaPeriod: ['DAY', 'WEEK'],
  ClientImportField: ['NAME', 'INN', 'KPP', 'PHONE', 'EMAIL', 'WEBSITE', 'STATUS', 'REGION', 'INDUSTRY', 'SEGMENT', 'LEAD_SOURCE', 'TAGS', 'OWNER', 'NOTES', 'CONTACT_NAME', 'CONTACT_POSITION', 'CONTACT_PHONE', 'CONTACT_EMAIL'],
  ClientImportAction: ['CREATE', 'UPDATE', 'SKIP', 'REFUSE'],
  ClientImportOnDuplicate: ['SKIP', 'UPDATE', 'CREATE'],
} as const;

export type EnumName = keyof typeof ENUMS;

export const enumChoices = (name: EnumName) => ENUMS[name].map((value) => ({ id: value, name: `enums.${name}.${value}` }));

export const EnumField = ({ enumName, ...props }: Omit<SelectFieldProps, 'choices'> & { enumName: EnumName }) => <SelectField {...props} choices={enumChoices(enumName)} />;

export const EnumInput = ({ enumName, ...props }: Omit<SelectInputProps, 'choices'> & { enumName: EnumName }) => <SelectInput {...props} choices={enumChoices(enumName)} />;

export const EnumArrayInput = ({ enumName, ...props }: Omit<SelectArrayInputProps, 'choices'> & { enumName: EnumName }) => <SelectArrayInput {...props} choices={enumChoices(enumName)} />;

/** A list of enum values, each translated. */
export const EnumListField = ({ source, enumName, record }: { source: string; enumName: EnumName; record?: Record<string, unknown>; label?: string }) => {
  const translate = useTranslate();
  const values = (record?.[source] as string[] | undefined) ?? [];
  return <span>{values.map((v) => translate(`enums.${enumName}.${v}`)).join(', ')}</span>;
};
