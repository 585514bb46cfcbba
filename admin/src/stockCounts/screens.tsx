import { AutocompleteInput, BooleanInput, ReferenceInput, TextField } from 'react-admin';
import { DocumentDraftInputs, WarehouseInput, documentForms } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { CountLineInputs } from './CountLineInputs';

const field = fieldLabel('StockCount');

export const list = () => <DocumentList type="StockCount" filters={documentFilters({ shown: [warehouseFilter] })} columns={[{ source: 'warehouse.name', label: field('warehouse') }]} />;

/** A new count: the warehouse and the day it is counted at the end of, filled in from the books (only one group's products if chosen) unless turned off. */
const StockCountCreateInputs = () => (
  <DocumentDraftInputs>
    <WarehouseInput source="warehouseId" />
    <ReferenceInput source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
      <AutocompleteInput optionText="path" helperText={`${field('groupId')}Help`} />
    </ReferenceInput>
    <BooleanInput source="prefill" defaultValue helperText={`${field('prefill')}Help`} />
  </DocumentDraftInputs>
);

/** The count sheet: the counted quantity typed beside the book one; lines may be added for goods found that are not on the books. */
const StockCountInputs = () => (
  <DocumentDraftInputs lines={<CountLineInputs />}>
    <WarehouseInput source="warehouseId" />
  </DocumentDraftInputs>
);

/** Posted, a count shows the shortage taken out of the lots and the surplus brought in as lots, with their cost for cost:read. */
export const show = () => (
  <DocumentShow
    type="StockCount"
    lineColumns={[
      { source: 'bookQuantity', kind: 'decimal' },
      { source: 'countedQuantity', kind: 'decimal' },
      { source: 'difference', kind: 'decimal' },
      { source: 'differenceCost', kind: 'money', cost: true },
    ]}
    movements={{ warehouse: false }}
  >
    <TextField source="warehouse.name" label={field('warehouse')} />
  </DocumentShow>
);

export const { create, edit } = documentForms('StockCount', StockCountInputs, { createInputs: StockCountCreateInputs, afterCreate: 'edit' });
