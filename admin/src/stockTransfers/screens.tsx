import { TextField } from 'react-admin';
import { StockDocumentInputs, WarehouseInput, documentForms } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';

const field = fieldLabel('StockTransfer');

export const list = () => (
  <DocumentList
    type="StockTransfer"
    filters={documentFilters({ shown: [warehouseFilter] })}
    columns={[
      { source: 'fromWarehouse.name', label: field('fromWarehouse') },
      { source: 'toWarehouse.name', label: field('toWarehouse') },
    ]}
  />
);

/** Each line shows what is available in the source warehouse as it is typed; the server refuses a destination equal to the source on `toWarehouseId`. */
const StockTransferInputs = () => (
  <StockDocumentInputs grid={{ availableIn: 'fromWarehouseId' }}>
    <WarehouseInput source="fromWarehouseId" />
    <WarehouseInput source="toWarehouseId" />
  </StockDocumentInputs>
);

/** Posted, a transfer shows the lots it took from the source and the lots it made at the destination, at the same cost. */
export const show = () => (
  <DocumentShow type="StockTransfer" movements={{ warehouse: true }}>
    <TextField source="fromWarehouse.name" label={field('fromWarehouse')} />
    <TextField source="toWarehouse.name" label={field('toWarehouse')} />
  </DocumentShow>
);

export const { create, edit } = documentForms('StockTransfer', StockTransferInputs);
