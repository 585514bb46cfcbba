import { AutocompleteInput, NumberField, NumberInput, ReferenceField, ReferenceInput, TextField, TextInput, required } from 'react-admin';
import { DocumentDraftInputs, WarehouseInput, documentForms } from '../shared/documents/DocumentForm';
import { clientFilter, documentFilters, DocumentList, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow, QUANTITY } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { EnumInput } from '../shared/enums';
import { MoneyField } from '../shared/fields';
import { parseDecimal } from '../shared/forms';

const field = fieldLabel('CustomerReturn');

const filters = documentFilters({ shown: [clientFilter, warehouseFilter] });

export const list = () => (
  <DocumentList
    type="CustomerReturn"
    filters={filters}
    columns={[
      { source: 'client.name', label: field('client') },
      { source: 'shipment.number', label: field('shipment'), sortable: false },
      { source: 'warehouse.name', label: field('warehouse') },
      { source: 'reason' },
      { source: 'total', kind: 'money', sortable: false },
    ]}
  />
);

/**
 * A return of a posted shipment (a shipment's Return opens it with its lines): the warehouse the
 * goods come into (the shipment's unless chosen), the reason, and per shipment line how many come
 * back and in what condition — a defective one goes straight into a write-off draft.
 */
const ReturnInputs = () => (
  <DocumentDraftInputs
    lines={[
      <NumberInput key="no" source="shipmentLineNo" label={field('shipmentLineNo')} />,
      <TextInput key="qty" source="quantity" label={field('quantity')} parse={parseDecimal} />,
      <EnumInput key="condition" source="condition" label={field('condition')} enumName="ReturnCondition" defaultValue="RESALEABLE" />,
    ]}
  >
    <ReferenceInput source="shipmentId" reference="Shipment" filter={{ status: 'POSTED' }} sort={{ field: 'date', order: 'DESC' }}>
      <AutocompleteInput optionText="number" validate={required()} />
    </ReferenceInput>
    <WarehouseInput source="warehouseId" optional />
    <TextInput source="reason" validate={required()} />
  </DocumentDraftInputs>
);

export const show = () => (
  <DocumentShow
    type="CustomerReturn"
    lineLead={<NumberField source="shipmentLineNo" label={field('shipmentLineNo')} />}
    lineColumns={[QUANTITY, { source: 'condition', kind: 'text' }, { source: 'amount', kind: 'money' }, { source: 'vat', kind: 'money' }, { source: 'total', kind: 'money' }]}
   
  >
    <TextField source="client.name" label={field('client')} />
    <ReferenceField source="shipment.id" reference="Shipment" label={field('shipment')} link="show">
      <TextField source="number" />
    </ReferenceField>
    <TextField source="warehouse.name" label={field('warehouse')} />
    <TextField source="reason" />
    <ReferenceField source="writeOffId" reference="WriteOff" label={field('writeOffId')} link="show" emptyText="—">
      <TextField source="number" />
    </ReferenceField>
    <MoneyField source="total" />
  </DocumentShow>
);

export const { create, edit } = documentForms('CustomerReturn', ReturnInputs);
