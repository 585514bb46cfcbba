import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { AutocompleteInput, ReferenceInput, SelectInput, TextField, TextInput, required } from 'react-admin';
import { StockDocumentInputs, WarehouseInput } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow } from '../shared/documents/DocumentShow';
import { documentResource } from '../shared/documents/documentResource';
import { fieldLabel } from '../shared/documents/documentTypes';
import { parseDecimal } from '../shared/forms';

const field = fieldLabel('GoodsReceipt');

/** The rates the API accepts; empty takes the product's rate. Decimals come back as "22", the same strings as these choices. */
const VAT_CHOICES = ['0', '10', '22'].map((rate) => ({ id: rate, name: `${rate} %` }));

const filters = documentFilters({
  shown: [warehouseFilter],
  more: [
    <ReferenceInput key="supplierId" source="supplierId" reference="Counterparty" filter={{ role: 'SUPPLIER' }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
  ],
});

const GoodsReceiptList = () => (
  <DocumentList type="GoodsReceipt" filters={filters}>
    <TextField source="warehouse.name" label={field('warehouse')} sortable={false} />
    <TextField source="supplier.name" label={field('supplier')} sortable={false} />
  </DocumentList>
);

/** The server's errors land on `lines.N.quantity`, `lines.N.unitCost`… */
const GoodsReceiptInputs = () => (
  <StockDocumentInputs
    lineInputs={
      <>
        <TextInput source="unitCost" label={field('unitCost')} validate={required()} parse={parseDecimal} />
        <SelectInput source="vatRate" label={field('vatRate')} choices={VAT_CHOICES} emptyText={field('productVatRate')} />
      </>
    }
  >
    <WarehouseInput source="warehouseId" />
    <ReferenceInput source="supplierId" reference="Counterparty" filter={{ role: 'SUPPLIER', active: true }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
  </StockDocumentInputs>
);

const GoodsReceiptShow = () => (
  <DocumentShow
    type="GoodsReceipt"
    lineColumns={[{ source: 'unitCost', kind: 'money' }, { source: 'amount', kind: 'money' }, { source: 'vatRate', kind: 'decimal' }, { source: 'vat', kind: 'money' }]}
    movements={{ warehouse: false }}
  >
    <TextField source="warehouse.name" label={field('warehouse')} />
    <TextField source="supplier.name" label={field('supplier')} />
  </DocumentShow>
);

/** Goods received from suppliers: drafts are edited, then posted into lots, stock, the payable and the VAT book. */
export default documentResource('GoodsReceipt', { list: GoodsReceiptList, show: GoodsReceiptShow, inputs: GoodsReceiptInputs, icon: MoveToInboxIcon });
