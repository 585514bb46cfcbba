import { BooleanInput, NumberInput, TextField } from 'react-admin';
import { DayInput } from '../shared/dates';
import { ClientInput, DocumentDraftInputs, documentForms } from '../shared/documents/DocumentForm';
import { clientFilter, documentFilters, DocumentList } from '../shared/documents/DocumentList';
import { DocumentShow, QUANTITY } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { DayField, MoneyField } from '../shared/fields';

const field = fieldLabel('ServiceAct');

const filters = documentFilters({ shown: [clientFilter] });

export const list = () => (
  <DocumentList
    type="ServiceAct"
    filters={filters}
    columns={[
      { source: 'client.name', label: field('client') },
      { source: 'dueDate', kind: 'day', sortable: false },
      { source: 'total', kind: 'money', sortable: false },
    ]}
  />
);

/** The client, its payment terms, whether the prices include VAT, and the priced lines with VAT per line and the totals. */
const Inputs = () => (
  <DocumentDraftInputs grid={{ price: 'price', vat: true }}>
    <ClientInput />
    <NumberInput source="paymentTermsDays" min={0} step={1} />
    <BooleanInput source="vatIncluded" />
  </DocumentDraftInputs>
);

export const show = () => (
  <DocumentShow type="ServiceAct" lineColumns={[QUANTITY, { source: 'price', kind: 'money' }, { source: 'amount', kind: 'money' }, { source: 'vatRate', kind: 'decimal' }, { source: 'vat', kind: 'money' }, { source: 'total', kind: 'money' }]}>
    <TextField source="client.name" label={field('client')} />
    <DayField source="dueDate" />
    <MoneyField source="amount" />
    <MoneyField source="vat" />
    <MoneyField source="total" />
  </DocumentShow>
);

export const { create, edit } = documentForms('ServiceAct', Inputs);
