import { TextField, required } from 'react-admin';
import { StockDocumentInputs, WarehouseInput, documentForms } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { EnumField, EnumInput } from '../shared/enums';

const field = fieldLabel('WriteOff');

const filters = documentFilters({ shown: [warehouseFilter], more: [<EnumInput key="reason" source="reason" enumName="WriteOffReason" />] });

export const list = () => (
  <DocumentList
    type="WriteOff"
    filters={filters}
    columns={[
      { source: 'warehouse.name', label: field('warehouse') },
      { source: 'reason', kind: 'enum', enumName: 'WriteOffReason' },
    ]}
  />
);

const WriteOffInputs = () => (
  <StockDocumentInputs grid={{ availableIn: 'warehouseId' }}>
    <WarehouseInput source="warehouseId" />
    <EnumInput source="reason" enumName="WriteOffReason" validate={required()} />
  </StockDocumentInputs>
);

/** Posted, a write-off shows the lots it consumed, one movement per lot. */
export const show = () => (
  <DocumentShow type="WriteOff" movements={{ warehouse: false }}>
    <TextField source="warehouse.name" label={field('warehouse')} />
    <EnumField source="reason" enumName="WriteOffReason" />
  </DocumentShow>
);

export const { create, edit } = documentForms('WriteOff', WriteOffInputs);
