import { ArrayField, Datagrid, TextField } from 'react-admin';
import { MoneyField } from '../fields';
import { fieldLabel } from './documentTypes';

/** What a posted payment (a client's or ours to a supplier) settled, document by document. */
export const PaymentApplications = ({ type }: { type: string; label?: string }) => {
  const field = fieldLabel(type);
  return (
    <ArrayField source="applications" label={field('applications')}>
      <Datagrid bulkActionButtons={false} rowClick={false} className="payment-applications" empty={<span>—</span>}>
        <TextField source="documentType" label={field('documentType')} />
        <TextField source="number" label={field('number')} emptyText="—" />
        <MoneyField source="amount" label={field('amount')} textAlign="right" />
      </Datagrid>
    </ArrayField>
  );
};
