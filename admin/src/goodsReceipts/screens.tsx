import { TextField } from 'react-admin';
import { StockDocumentInputs, SupplierInput, WarehouseInput, documentForms } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, supplierFilter, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow, QUANTITY } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';

const field = fieldLabel('GoodsReceipt');

const filters = documentFilters({ shown: [warehouseFilter], more: [supplierFilter] });

// the stock document lists sort by number, date, status and posting time (inventory's DOCUMENT_SORTABLE)
export const list = () => (
  <DocumentList
    type="GoodsReceipt"
    filters={filters}
    columns={[
      { source: 'warehouse.name', label: field('warehouse') },
      { source: 'supplier.name', label: field('supplier') },
    ]}
  />
);

/** The head, then the lines in the grid: product, unit, quantity, unit cost without VAT, VAT rate (the product's when picked), amount, VAT and total, with the totals per rate. */
const GoodsReceiptInputs = () => (
  <StockDocumentInputs grid={{ price: 'unitCost', vat: true }}>
    <WarehouseInput source="warehouseId" />
    <SupplierInput />
  </StockDocumentInputs>
);

export const show = () => (
  <DocumentShow
    type="GoodsReceipt"
    lineColumns={[QUANTITY, { source: 'unitCost', kind: 'money' }, { source: 'amount', kind: 'money' }, { source: 'vatRate', kind: 'decimal' }, { source: 'vat', kind: 'money' }]}
    movements={{ warehouse: false }}
  >
    <TextField source="warehouse.name" label={field('warehouse')} />
    <TextField source="supplier.name" label={field('supplier')} />
  </DocumentShow>
);

export const { create, edit } = documentForms('GoodsReceipt', GoodsReceiptInputs);
