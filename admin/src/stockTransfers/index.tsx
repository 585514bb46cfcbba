import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { TextField } from 'react-admin';
import { StockDocumentInputs, WarehouseInput } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow } from '../shared/documents/DocumentShow';
import { documentResource } from '../shared/documents/documentResource';
import { fieldLabel } from '../shared/documents/documentTypes';

const field = fieldLabel('StockTransfer');

const StockTransferList = () => (
  <DocumentList type="StockTransfer" filters={documentFilters({ shown: [warehouseFilter] })}>
    <TextField source="fromWarehouse.name" label={field('fromWarehouse')} sortable={false} />
    <TextField source="toWarehouse.name" label={field('toWarehouse')} sortable={false} />
  </DocumentList>
);

/** The server refuses a destination equal to the source on `toWarehouseId`. */
const StockTransferInputs = () => (
  <StockDocumentInputs>
    <WarehouseInput source="fromWarehouseId" />
    <WarehouseInput source="toWarehouseId" />
  </StockDocumentInputs>
);

/** Posted, a transfer shows the lots it took from the source and the lots it made at the destination, at the same cost. */
const StockTransferShow = () => (
  <DocumentShow type="StockTransfer" movements={{ warehouse: true }}>
    <TextField source="fromWarehouse.name" label={field('fromWarehouse')} />
    <TextField source="toWarehouse.name" label={field('toWarehouse')} />
  </DocumentShow>
);

/** Goods moved between two warehouses: FIFO lots out of the source, lots of the same cost into the destination. */
export default documentResource('StockTransfer', { list: StockTransferList, show: StockTransferShow, inputs: StockTransferInputs, icon: SwapHorizIcon });
