import { Box } from '@mui/material';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  AutocompleteInput, Create, DeleteButton, Edit, EditButton, NumberField, NumberInput, ReferenceInput, Show, SimpleForm, SimpleShowLayout, TextField, TextInput,
  TopToolbar, required, useRecordContext,
} from 'react-admin';
import { api } from '../providers/sdk';
import { DayInput } from '../shared/dates';
import { WarehouseInput } from '../shared/documents/DocumentForm';
import { DocumentTable } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { PrintMenu } from '../shared/documents/PrintMenu';
import { LineGrid } from '../shared/documents/LineGrid';
import { dropEmptyLines } from '../shared/documents/lineValidation';
import { EnumField, EnumInput } from '../shared/enums';
import { DayField, DecimalField, LocaleDateField, MoneyField, today } from '../shared/fields';
import { KeepOnLanguageSwitch } from '../shared/formKeeper';
import { FORM_SX, permissionToolbar } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import { useCan } from '../shared/permissions';
import { ProductName, ProductSku } from '../shared/products';
import { useSaveErrorOptions } from '../shared/useNotifyError';
import { LiveQuote } from './LiveQuote';
import { OrderVerbs, type OrderRecord } from './OrderVerbs';

const field = fieldLabel('Order');

const filters = [
  <EnumInput key="status" source="status" enumName="OrderStatus" alwaysOn />,
  <ReferenceInput key="clientId" source="clientId" reference="Counterparty" filter={{ role: 'CLIENT' }} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="warehouseId" source="warehouseId" reference="Warehouse" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <DayInput key="dateFrom" source="dateFrom" />,
  <DayInput key="dateTo" source="dateTo" />,
];

/** Orders, newest first: number, date, client, warehouse, promised date, status, total. */
export const list = () => (
  <ResourceList
    columns={[
      { source: 'number' },
      { source: 'date', kind: 'day' },
      { source: 'client.name', label: field('client') },
      { source: 'warehouse.code', label: field('warehouse') },
      { source: 'promisedDate', kind: 'day' },
      { source: 'status', kind: 'enum', enumName: 'OrderStatus' },
      { source: 'total', kind: 'money' },
      { source: 'comment', sortable: false, hidden: true },
    ]}
    filters={filters}
    sort={{ field: 'date', order: 'DESC' }}
    rowClick="show"
    createPermission="order:create"
  />
);

/**
 * The head (client, warehouse, dates, payment terms, promo code), the lines in the grid with
 * what is available in the order's warehouse as they are typed and a manual discount each,
 * and under them the live breakdown from `quote`. A confirmed order keeps its date,
 * warehouse and promo code; its changed lines are re-priced and re-reserved on save.
 */
const OrderInputs = ({ confirmed = false }: { confirmed?: boolean }) => (
  <>
    <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', alignItems: 'flex-start', width: '100%', '& > *': { flex: '1 1 220px', maxWidth: { sm: 360 } } }}>
      <ReferenceInput source="clientId" reference="Counterparty" filter={{ role: 'CLIENT', active: true }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} disabled={confirmed} />
      </ReferenceInput>
      <DayInput source="date" validate={required()} />
      <WarehouseInput source="warehouseId" />
      <DayInput source="promisedDate" />
      <NumberInput source="paymentTermsDays" min={0} step={1} />
      <TextInput source="promoCode" disabled={confirmed} />
    </Box>
    <TextInput source="comment" multiline fullWidth />
    <LineGrid type="Order" availableIn="warehouseId" discount />
    <LiveQuote />
  </>
);

const ConfirmedAware = () => {
  const record = useRecordContext<OrderRecord>();
  return <OrderInputs confirmed={!!record && record.status !== 'DRAFT'} />;
};

export const create = () => (
  <Create redirect="show" mutationOptions={useSaveErrorOptions()} transform={dropEmptyLines}>
    <SimpleForm defaultValues={{ date: today(), lines: [] }} sx={FORM_SX}>
      <KeepOnLanguageSwitch />
      <OrderInputs />
    </SimpleForm>
  </Create>
);

export const edit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useSaveErrorOptions()} transform={dropEmptyLines}>
    <SimpleForm toolbar={permissionToolbar('order')} sx={FORM_SX}>
      <KeepOnLanguageSwitch />
      <ConfirmedAware />
    </SimpleForm>
  </Edit>
);

/** Edit while it is open; confirm, reserve, release and cancel by status; delete a draft; print the invoice for payment. */
const OrderShowActions = () => {
  const record = useRecordContext<OrderRecord>();
  const can = useCan();
  if (!record) return <TopToolbar />;
  const open = record.status === 'DRAFT' || record.status === 'CONFIRMED';
  return (
    <TopToolbar>
      {open && can('order:update') && <EditButton />}
      <OrderVerbs />
      {record.status === 'DRAFT' && can('order:delete') && <DeleteButton mutationMode="pessimistic" />}
      <PrintMenu type="Order" />
    </TopToolbar>
  );
};

type Reservations = Map<string, { warehouse: { code: string }; quantity: string }[]>;
const ReservationsContext = createContext<Reservations>(new Map());

/** Where each line's goods are reserved (read with the order through the SDK: the part has no id of its own for the data provider), again whenever the order changes. */
const OrderReservations = ({ children }: { children: ReactNode }) => {
  const order = useRecordContext<OrderRecord & { version?: number; status: string }>();
  const [reservations, setReservations] = useState<Reservations>(new Map());
  const key = order ? JSON.stringify([order.id, order.version, order.status, order.lines?.map((line) => [line.reserved, line.backordered])]) : '';
  useEffect(() => {
    if (!order) return;
    let current = true;
    api()
      .Order({ id: order.id })
      .then(({ order: fresh }) => current && setReservations(new Map((fresh?.lines ?? []).map((line) => [line.id, line.reservations]))))
      .catch(() => undefined);
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return <ReservationsContext.Provider value={reservations}>{children}</ReservationsContext.Provider>;
};

/** The order's reservations per line and warehouse, as a line's cell. */
const LineReservations = (_: { label?: string }) => {
  const line = useRecordContext<{ id: string }>();
  const parts = useContext(ReservationsContext).get(line?.id ?? '');
  if (!parts?.length) return <span>—</span>;
  return <span data-testid="line-reservations">{parts.map((r) => `${r.warehouse.code}: ${r.quantity}`).join(', ')}</span>;
};

/** The head, the lines with their frozen prices, what each holds reserved (per warehouse) and waits for, and the totals. */
export const show = () => (
  <Show actions={<OrderShowActions />}>
    <OrderReservations>
      <SimpleShowLayout>
        <TextField source="number" />
        <DayField source="date" />
        <TextField source="client.name" label={field('client')} />
        <TextField source="manager.name" label={field('manager')} emptyText="—" />
        <TextField source="warehouse.name" label={field('warehouse')} />
        <TextField source="priceType.code" label={field('priceType')} />
        <DayField source="promisedDate" emptyText="—" />
        <NumberField source="paymentTermsDays" />
        <EnumField source="status" enumName="OrderStatus" />
        <LocaleDateField source="confirmedAt" emptyText="—" />
        <TextField source="promoCode" emptyText="—" />
        <TextField source="comment" emptyText="—" />
        <DocumentTable source="lines" className="document-lines">
          <NumberField source="lineNo" label={field('lineNo')} />
          <ProductSku label={field('sku')} />
          <ProductName label={field('productName')} />
          <DecimalField source="quantity" label={field('quantity')} textAlign="right" />
          <MoneyField source="basePrice" label={field('basePrice')} textAlign="right" />
          <MoneyField source="finalUnitPrice" label={field('finalUnitPrice')} textAlign="right" />
          <MoneyField source="amount" label={field('amount')} textAlign="right" />
          <DecimalField source="vatRate" label={field('vatRate')} textAlign="right" />
          <MoneyField source="vat" label={field('vat')} textAlign="right" />
          <MoneyField source="total" label={field('total')} textAlign="right" />
          <DecimalField source="reserved" label={field('reserved')} textAlign="right" />
          <LineReservations label={field('reservations')} />
          <DecimalField source="backordered" label={field('backordered')} textAlign="right" />
        </DocumentTable>
        <MoneyField source="amount" />
        <MoneyField source="vat" />
        <MoneyField source="total" />
      </SimpleShowLayout>
    </OrderReservations>
  </Show>
);
