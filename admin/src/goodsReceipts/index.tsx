import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { SelectInput, TextField, TextInput, required } from 'react-admin';
import { StockDocumentInputs, SupplierInput, WarehouseInput } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, supplierFilter, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow, QUANTITY } from '../shared/documents/DocumentShow';
import { documentResource } from '../shared/documents/documentResource';
import { fieldLabel } from '../shared/documents/documentTypes';
import { parseDecimal, VAT_RATE_CHOICES } from '../shared/forms';

const field = fieldLabel('GoodsReceipt');

const filters = documentFilters({ shown: [warehouseFilter], more: [supplierFilter] });

const GoodsReceiptList = () => (
  <DocumentList type="GoodsReceipt" filters={filters}>
    <TextField source="warehouse.name" label={field('warehouse')} sortable={false} />
    <TextField source="supplier.name" label={field('supplier')} sortable={false} />
  </DocumentList>
);

/** The server's errors land on `lines.N.quantity`, `lines.N.unitCost`…; an empty VAT rate takes the product's. */
const GoodsReceiptInputs = () => (
  <StockDocumentInputs
    lineInputs={
      <>
        <TextInput source="unitCost" label={field('unitCost')} validate={required()} parse={parseDecimal} />
        <SelectInput source="vatRate" label={field('vatRate')} choices={VAT_RATE_CHOICES} emptyText={field('productVatRate')} />
      </>
    }
  >
    <WarehouseInput source="warehouseId" />
    <SupplierInput />
  </StockDocumentInputs>
);

const GoodsReceiptShow = () => (
  <DocumentShow
    type="GoodsReceipt"
    lineColumns={[QUANTITY, { source: 'unitCost', kind: 'money' }, { source: 'amount', kind: 'money' }, { source: 'vatRate', kind: 'decimal' }, { source: 'vat', kind: 'money' }]}
    movements={{ warehouse: false }}
  >
    <TextField source="warehouse.name" label={field('warehouse')} />
    <TextField source="supplier.name" label={field('supplier')} />
  </DocumentShow>
);

/** Goods received from suppliers: drafts are edited, then posted into lots, stock, the payable and the VAT book. */
export default documentResource('GoodsReceipt', { list: GoodsReceiptList, show: GoodsReceiptShow, inputs: GoodsReceiptInputs, icon: MoveToInboxIcon });
