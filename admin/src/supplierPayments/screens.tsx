import { AutocompleteInput, ReferenceInput, TextField, TextInput, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { DocumentDraftInputs, documentForms, SupplierInput } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList, supplierFilter } from '../shared/documents/DocumentList';
import { DocumentShow } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { PaymentApplications } from '../shared/documents/PaymentApplications';
import { EnumField, EnumInput } from '../shared/enums';
import { MoneyField } from '../shared/fields';
import { parseDecimal } from '../shared/forms';

const field = fieldLabel('OutgoingPayment');

const filters = documentFilters({ shown: [supplierFilter], more: [<EnumInput key="method" source="method" enumName="PaymentMethod" />] });

export const list = () => (
  <DocumentList
    type="OutgoingPayment"
    filters={filters}
    columns={[
      { source: 'supplier.name', label: field('supplier') },
      { source: 'method', kind: 'enum', enumName: 'PaymentMethod' },
      { source: 'amount', kind: 'money', sortable: false },
      { source: 'advance', kind: 'money', sortable: false },
    ]}
  />
);

/** One of the supplier's posted receipts, to pay first (optional). */
const ReceiptInput = () => {
  const supplierId = useWatch({ name: 'supplierId' }) as string | undefined;
  return (
    <ReferenceInput source="receiptId" reference="GoodsReceipt" filter={{ supplierId, status: 'POSTED' }} sort={{ field: 'date', order: 'DESC' }}>
      <AutocompleteInput optionText="number" label={field('receiptId')} disabled={!supplierId} />
    </ReferenceInput>
  );
};

/** The supplier, the amount and how it goes; posting writes down the oldest receipts owed (the receipt chosen first). */
const PaymentInputs = () => (
  <DocumentDraftInputs>
    <SupplierInput />
    <TextInput source="amount" validate={required()} parse={parseDecimal} />
    <EnumInput source="method" enumName="PaymentMethod" defaultValue="BANK" validate={required()} />
    <ReceiptInput />
  </DocumentDraftInputs>
);

/** What the payment settled, receipt by receipt, and what is left of it as an advance. */
export const show = () => (
  <DocumentShow type="OutgoingPayment" lineColumns={[]} sections={<PaymentApplications type="OutgoingPayment" />}>
    <TextField source="supplier.name" label={field('supplier')} />
    <EnumField source="method" enumName="PaymentMethod" />
    <MoneyField source="amount" />
    <MoneyField source="advance" />
  </DocumentShow>
);

export const { create, edit } = documentForms('OutgoingPayment', PaymentInputs);
