import { DateField, DateInput, NumberInput, TextField } from 'react-admin';
import { StockDocumentInputs, SupplierInput, WarehouseInput, documentForms } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, supplierFilter, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow, QUANTITY } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { PurchaseOrderVerbs } from './PurchaseOrderVerbs';
import { LineChain } from './LineChain';
import { SupplierPricePrefill } from './SupplierPricePrefill';

const field = fieldLabel('PurchaseOrder');

const filters = documentFilters({ shown: [supplierFilter], more: [warehouseFilter] });

export const list = () => (
  <DocumentList
    type="PurchaseOrder"
    filters={filters}
    columns={[
      { source: 'supplier.name', label: field('supplier') },
      { source: 'warehouse.name', label: field('warehouse') },
      { source: 'expectedDate', label: field('expectedDate') },
    ]}
  />
);

/** The head (supplier, warehouse, expected date, payment terms, tolerance), then the lines: a price left empty is the supplier's on the order date. */
const PurchaseOrderInputs = () => (
  <StockDocumentInputs grid={{ price: 'price', vat: true }}>
    <SupplierInput />
    <WarehouseInput source="warehouseId" />
    <DateInput source="expectedDate" label={field('expectedDate')} />
    <NumberInput source="paymentDays" label={field('paymentDays')} min={0} step={1} />
    <NumberInput source="receiptTolerancePercent" label={field('receiptTolerancePercent')} min={0} max={100} />
    <SupplierPricePrefill />
  </StockDocumentInputs>
);

export const show = () => (
  <DocumentShow
    type="PurchaseOrder"
    lineColumns={[QUANTITY, { source: 'price', kind: 'money' }, { source: 'amount', kind: 'money' }, { source: 'vatRate', kind: 'decimal' }, { source: 'vat', kind: 'money' }]}
    actions={<PurchaseOrderVerbs />}
    sections={<LineChain />}
  >
    <TextField source="supplier.name" label={field('supplier')} />
    <TextField source="warehouse.name" label={field('warehouse')} />
    <DateField source="expectedDate" label={field('expectedDate')} emptyText="—" />
    <TextField source="paymentDays" label={field('paymentDays')} emptyText="—" />
    <TextField source="receiptTolerancePercent" label={field('receiptTolerancePercent')} />
    <DateField source="closedAt" label={field('closedAt')} showTime emptyText="—" />
  </DocumentShow>
);

export const { create, edit } = documentForms('PurchaseOrder', PurchaseOrderInputs);
