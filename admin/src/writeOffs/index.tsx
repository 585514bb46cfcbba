import RemoveShoppingCartIcon from '@mui/icons-material/RemoveShoppingCart';
import { TextField, required } from 'react-admin';
import { StockDocumentInputs, WarehouseInput } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow } from '../shared/documents/DocumentShow';
import { documentResource } from '../shared/documents/documentResource';
import { fieldLabel } from '../shared/documents/documentTypes';
import { EnumField, EnumInput } from '../shared/enums';

const field = fieldLabel('WriteOff');

const filters = documentFilters({ shown: [warehouseFilter], more: [<EnumInput key="reason" source="reason" enumName="WriteOffReason" />] });

const WriteOffList = () => (
  <DocumentList type="WriteOff" filters={filters}>
    <TextField source="warehouse.name" label={field('warehouse')} sortable={false} />
    <EnumField source="reason" enumName="WriteOffReason" />
  </DocumentList>
);

const WriteOffInputs = () => (
  <StockDocumentInputs>
    <WarehouseInput source="warehouseId" />
    <EnumInput source="reason" enumName="WriteOffReason" validate={required()} />
  </StockDocumentInputs>
);

/** Posted, a write-off shows the lots it consumed, one movement per lot. */
const WriteOffShow = () => (
  <DocumentShow type="WriteOff" movements={{ warehouse: false }}>
    <TextField source="warehouse.name" label={field('warehouse')} />
    <EnumField source="reason" enumName="WriteOffReason" />
  </DocumentShow>
);

/** Goods written off (damage, shortage, expiry, own use): FIFO lots consumed, their cost booked as an expense. */
export default documentResource('WriteOff', { list: WriteOffList, show: WriteOffShow, inputs: WriteOffInputs, icon: RemoveShoppingCartIcon });
