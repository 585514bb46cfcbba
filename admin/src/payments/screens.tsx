import { TextField, TextInput, required } from 'react-admin';
import { ClientInput, DocumentDraftInputs, documentForms } from '../shared/documents/DocumentForm';
import { clientFilter, documentFilters, DocumentList } from '../shared/documents/DocumentList';
import { DocumentShow } from '../shared/documents/DocumentShow';
import { PaymentApplications } from '../shared/documents/PaymentApplications';
import { fieldLabel } from '../shared/documents/documentTypes';
import { EnumField, EnumInput } from '../shared/enums';
import { MoneyField } from '../shared/fields';
import { parseDecimal } from '../shared/forms';

const field = fieldLabel('IncomingPayment');

const filters = documentFilters({ shown: [clientFilter], more: [<EnumInput key="method" source="method" enumName="PaymentMethod" />] });

export const list = () => (
  <DocumentList
    type="IncomingPayment"
    filters={filters}
    columns={[
      { source: 'client.name', label: field('client') },
      { source: 'method', kind: 'enum', enumName: 'PaymentMethod' },
      { source: 'amount', kind: 'money', sortable: false },
      { source: 'advance', kind: 'money', sortable: false },
    ]}
  />
);

/** The client, the amount and how it came; posting applies it to the oldest open debts. */
const PaymentInputs = () => (
  <DocumentDraftInputs>
    <ClientInput />
    <TextInput source="amount" validate={required()} parse={parseDecimal} />
    <EnumInput source="method" enumName="PaymentMethod" defaultValue="BANK" validate={required()} />
  </DocumentDraftInputs>
);

/** What the payment settled, document by document, and what is left of it as an advance. */
export const show = () => (
  <DocumentShow type="IncomingPayment" lineColumns={[]} sections={<PaymentApplications type="IncomingPayment" />}>
    <TextField source="client.name" label={field('client')} />
    <EnumField source="method" enumName="PaymentMethod" />
    <MoneyField source="amount" />
    <MoneyField source="advance" />
  </DocumentShow>
);

export const { create, edit } = documentForms('IncomingPayment', PaymentInputs);
