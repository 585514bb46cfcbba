import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import { Button, NumberInput, ReferenceField, TextField, useRecordContext, useRedirect } from 'react-admin';
import { ClientInput, DocumentDraftInputs, WarehouseInput, documentForms } from '../shared/documents/DocumentForm';
import { clientFilter, documentFilters, DocumentList, warehouseFilter } from '../shared/documents/DocumentList';
import { DocumentShow, QUANTITY } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { MoneyField } from '../shared/fields';
import { useCan } from '../shared/permissions';

const field = fieldLabel('Shipment');

const filters = documentFilters({ shown: [clientFilter, warehouseFilter] });

export const list = () => (
  <DocumentList
    type="Shipment"
    filters={filters}
    columns={[
      { source: 'client.name', label: field('client') },
      { source: 'warehouse.name', label: field('warehouse') },
      { source: 'order.number', label: field('order'), sortable: false },
      { source: 'total', kind: 'money', sortable: false },
    ]}
  />
);

/** A shipment of an order keeps its order's lines and prices: only its date, warehouse and comment change here (the order's Ship makes it). */
const useFromOrder = () => {
  const record = useRecordContext<{ order?: { id: string } | null }>();
  return !!record?.order;
};

/** A standalone shipment: client, warehouse, payment terms and priced lines (VAT on top) with what is available as they are typed. */
const ShipmentInputs = () => {
  const fromOrder = useFromOrder();
  return (
    <DocumentDraftInputs grid={fromOrder ? undefined : { goodsOnly: true, price: 'unitPrice', vat: true, availableIn: 'warehouseId' }}>
      <ClientInput disabled={fromOrder} />
      <WarehouseInput source="warehouseId" />
      {!fromOrder && <NumberInput source="paymentTermsDays" min={0} step={1} />}
    </DocumentDraftInputs>
  );
};

/** A posted shipment takes goods back through a return: the return's form opens with the shipment's lines to choose from. */
const ReturnButton = () => {
  const record = useRecordContext<{ id: string; status: string; lines?: { lineNo: number; quantity: string }[] }>();
  const can = useCan();
  const redirect = useRedirect();
  if (!record || record.status !== 'POSTED' || !can('customerReturn:create')) return null;
  const lines = (record.lines ?? []).map((line) => ({ shipmentLineNo: line.lineNo, quantity: '', condition: 'RESALEABLE' }));
  return (
    <Button label="tradebook.shipment.return" onClick={() => redirect('create', 'CustomerReturn', undefined, undefined, { record: { shipmentId: record.id, lines } })}>
      <AssignmentReturnIcon />
    </Button>
  );
};

export const show = () => (
  <DocumentShow type="Shipment" lineColumns={[QUANTITY, { source: 'unitPrice', kind: 'money' }, { source: 'discount', kind: 'money' }, { source: 'amount', kind: 'money' }, { source: 'vatRate', kind: 'decimal' }, { source: 'vat', kind: 'money' }, { source: 'total', kind: 'money' }]} actions={<ReturnButton />}>
    <TextField source="client.name" label={field('client')} />
    <TextField source="warehouse.name" label={field('warehouse')} />
    <ReferenceField source="order.id" reference="Order" label={field('order')} link="show" emptyText="—">
      <TextField source="number" />
    </ReferenceField>
    <MoneyField source="amount" />
    <MoneyField source="vat" />
    <MoneyField source="total" />
  </DocumentShow>
);

export const { create, edit } = documentForms('Shipment', ShipmentInputs);
