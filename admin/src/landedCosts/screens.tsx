import { FunctionField, NumberField, ReferenceField, SelectInput, TextField, TextInput, required } from 'react-admin';
import { DocumentLink } from '../shared/documents/DocumentLink';
import { DocumentDraftInputs, SupplierInput, documentForms } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, supplierFilter } from '../shared/documents/DocumentList';
import { DocumentShow, DocumentTable, useLineColumns, WarehouseName } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { EnumField, EnumInput } from '../shared/enums';
import { DecimalField, MoneyField } from '../shared/fields';
import { parseDecimal, VAT_RATE_CHOICES } from '../shared/forms';
import { ProductSku } from '../shared/products';
import { LandedCostLineInputs, ReceiptsInput } from './LandedCostLineInputs';

const field = fieldLabel('LandedCost');

export const list = () => (
  <DocumentList
    type="LandedCost"
    filters={documentFilters({ more: [supplierFilter] })}
    columns={[
      { source: 'supplier.name', label: field('supplier') },
      { source: 'description' },
      { source: 'method', kind: 'enum', enumName: 'LandedCostMethod' },
      { source: 'amount', kind: 'money' },
    ]}
  />
);

/**
 * A draft: who is owed what for what, how it is spread, and over which receipt lines — whole
 * posted receipts and/or single lines. Each save spreads the amount again; a line the server
 * refuses is named in the notification ("Line 2, Manual amount: …").
 */
const LandedCostInputs = () => (
  <DocumentDraftInputs lines={<LandedCostLineInputs />}>
    <SupplierInput />
    <TextInput source="description" validate={required()} fullWidth />
    <TextInput source="amount" validate={required()} parse={parseDecimal} helperText={field('amountHelp')} />
    <SelectInput source="vatRate" choices={VAT_RATE_CHOICES} defaultValue="0" validate={required()} />
    <EnumInput source="method" enumName="LandedCostMethod" defaultValue="VALUE" validate={required()} />
    <ReceiptsInput />
  </DocumentDraftInputs>
);

/** What posting did: the lots raised (LOT), and the sales, transfers and write-offs that had taken from them; amounts for cost:read. */
const Adjustments = (_: { label: string }) => {
  const columns = useLineColumns('LandedCost');
  return (
    <DocumentTable source="adjustments" className="landed-cost-adjustments">
      <NumberField source="recorderLine" label={field('lineNo')} />
      <EnumField source="kind" enumName="CostAdjustmentKind" label={field('kind')} />
      <FunctionField source="targetNumber" label={field('targetNumber')} render={(row: { targetType: string; targetId: string; targetNumber?: string | null }) => <DocumentLink type={row.targetType} id={row.targetId} number={row.targetNumber} />} />
      <WarehouseName label={field('warehouse')} />
      <ProductSku label={field('sku')} />
      {columns([
        { source: 'quantity', kind: 'decimal' },
        { source: 'amount', kind: 'money', cost: true },
        { source: 'unitCostDelta', kind: 'money', cost: true },
      ])}
    </DocumentTable>
  );
};

/** Its lines with each one's part of the amount, what posting adjusted, and the stock value it added to the lots. */
export const show = () => (
  <DocumentShow
    type="LandedCost"
    lineLead={[
      <ReferenceField key="receipt" source="goodsReceiptId" reference="GoodsReceipt" link="show" label={field('goodsReceipt')}>
        <TextField source="number" />
      </ReferenceField>,
      <NumberField key="receiptLine" source="goodsReceiptLine.lineNo" label={field('goodsReceiptLine')} />,
    ]}
    lineProduct="goodsReceiptLine.product.id"
    lineColumns={[
      { source: 'goodsReceiptLine.quantity', label: 'quantity', kind: 'decimal' },
      { source: 'goodsReceiptLine.amount', label: 'receiptAmount', kind: 'money' },
      { source: 'weight', kind: 'decimal' },
      { source: 'manualAmount', kind: 'money' },
      { source: 'allocated', kind: 'money' },
    ]}
    sections={<Adjustments label={field('adjustments')} />}
    movements={{ warehouse: true }}
  >
    <TextField source="supplier.name" label={field('supplier')} />
    <TextField source="description" />
    <EnumField source="method" enumName="LandedCostMethod" />
    <MoneyField source="amount" />
    <DecimalField source="vatRate" />
    <MoneyField source="vat" />
  </DocumentShow>
);

export const { create, edit } = documentForms('LandedCost', LandedCostInputs);
