import { Box } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import { Create, DeleteButton, Edit, EditButton, NumberField, Show, SimpleForm, SimpleShowLayout, TextField, TextInput, TopToolbar, required, useRecordContext, type TransformData } from 'react-admin';
import { DayInput } from '../shared/dates';
import { WarehouseInput } from '../shared/documents/DocumentForm';
import { DocumentTable } from '../shared/documents/DocumentShow';
import { fieldLabel } from '../shared/documents/documentTypes';
import { LineGrid } from '../shared/documents/LineGrid';
import { dropEmptyLines } from '../shared/documents/lineValidation';
import { EnumField, EnumInput } from '../shared/enums';
import { DayField, DecimalField, LocaleDateField, today } from '../shared/fields';
import { KeepOnLanguageSwitch } from '../shared/formKeeper';
import { FORM_SX, permissionToolbar } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import { useCan } from '../shared/permissions';
import { ProductName, ProductSku } from '../shared/products';
import { api } from '../providers/sdk';
import { useSaveErrorOptions } from '../shared/useNotifyError';
import { OrderSelectedRequisitions } from './OrderButtons';
import { RequisitionVerbs, type RequisitionRecord } from './RequisitionVerbs';

const field = fieldLabel('PurchaseRequisition');

const filters = [
  <EnumInput key="status" source="status" enumName="RequisitionStatus" alwaysOn />,
  <WarehouseInput key="warehouseId" source="warehouseId" optional />,
  <DayInput key="dateFrom" source="dateFrom" />,
  <DayInput key="dateTo" source="dateTo" />,
];

/** Requisitions, newest first: number, date, warehouse, who asked, status. */
export const list = () => (
  <ResourceList
    columns={[
      { source: 'number' },
      { source: 'date', kind: 'day' },
      { source: 'warehouse.code', label: field('warehouse') },
      { source: 'requestedBy.name', label: field('requestedBy') },
      { source: 'status', kind: 'enum', enumName: 'RequisitionStatus' },
      { source: 'comment', sortable: false },
    ]}
    filters={filters}
    sort={{ field: 'number', order: 'DESC' }}
    rowClick="show"
    createPermission="requisition:create"
    bulkActions={<OrderSelectedRequisitions />}
  />
);

/** The warehouse, date and a needed-by date for lines without their own; the lines in the grid with what the warehouse has available. */
const RequisitionInputs = () => (
  <>
    <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', alignItems: 'flex-start', width: '100%', '& > *': { flex: '1 1 220px', maxWidth: { sm: 360 } } }}>
      <WarehouseInput source="warehouseId" />
      <DayInput source="date" validate={required()} />
      <DayInput source="neededBy" helperText={field('neededByHelp')} />
    </Box>
    <TextInput source="comment" multiline fullWidth />
    <LineGrid type="PurchaseRequisition" availableIn="warehouseId" goodsOnly />
  </>
);

/** The head's needed-by date goes to every line that has none of its own. */
const transform: TransformData = (data) => {
  const kept = dropEmptyLines(data) as { neededBy?: string | null; lines?: Record<string, unknown>[] };
  const { neededBy, ...rest } = kept;
  return { ...rest, lines: (kept.lines ?? []).map((line) => ({ ...line, neededBy: line.neededBy || neededBy || null })) };
};

export const create = () => (
  <Create redirect="show" mutationOptions={useSaveErrorOptions()} transform={transform}>
    <SimpleForm defaultValues={{ date: today(), lines: [] }} sx={FORM_SX}>
      <KeepOnLanguageSwitch />
      <RequisitionInputs />
    </SimpleForm>
  </Create>
);

export const edit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useSaveErrorOptions()} transform={transform}>
    <SimpleForm toolbar={permissionToolbar('requisition')} sx={FORM_SX}>
      <KeepOnLanguageSwitch />
      <RequisitionInputs />
    </SimpleForm>
  </Edit>
);

const RequisitionShowActions = () => {
  const record = useRecordContext<RequisitionRecord>();
  const can = useCan();
  if (!record) return <TopToolbar />;
  return (
    <TopToolbar>
      {record.status === 'DRAFT' && can('requisition:update') && <EditButton />}
      <RequisitionVerbs />
      {record.status === 'DRAFT' && can('requisition:delete') && <DeleteButton mutationMode="pessimistic" />}
    </TopToolbar>
  );
};

type Ordering = { purchaseOrderNumber: string | null; quantity: string; received: string };
const OrdersContext = createContext<Map<string, Ordering[]>>(new Map());

/** What became of each line on purchase orders, read with the requisition through the SDK (the part has no id of its own for the data provider), again whenever it changes. */
const RequisitionOrders = ({ children }: { children: ReactNode }) => {
  const requisition = useRecordContext<RequisitionRecord & { version?: number }>();
  const { data } = useQuery({
    queryKey: ['PurchaseRequisition', 'orders', requisition?.id, requisition?.version, requisition?.status],
    queryFn: async () => (await api().PurchaseRequisition({ id: requisition!.id })).purchaseRequisition,
    enabled: !!requisition,
  });
  const orders = new Map((data?.lines ?? []).map((line) => [line.id, line.orders]));
  return <OrdersContext.Provider value={orders}>{children}</OrdersContext.Provider>;
};

/** A line's purchase orders as "number: ordered / received". */
const LineOrders = (_: { label?: string }) => {
  const line = useRecordContext<{ id: string }>();
  const orders = useContext(OrdersContext).get(line?.id ?? '') ?? [];
  if (!orders.length) return <span>—</span>;
  return <span data-testid="line-orders">{orders.map((o) => `${o.purchaseOrderNumber ?? '—'}: ${o.quantity} / ${o.received}`).join(', ')}</span>;
};

/** The head, who asked and who decided, and per line what became of it: ordered on which purchase orders, received so far, what is left to order. */
export const show = () => (
  <Show actions={<RequisitionShowActions />}>
    <RequisitionOrders>
      <SimpleShowLayout>
        <TextField source="number" />
        <DayField source="date" />
        <TextField source="warehouse.name" label={field('warehouse')} />
        <TextField source="requestedBy.name" label={field('requestedBy')} />
        <EnumField source="status" enumName="RequisitionStatus" />
        <LocaleDateField source="submittedAt" emptyText="—" />
        <TextField source="decidedBy.name" label={field('decidedBy')} emptyText="—" />
        <LocaleDateField source="decidedAt" emptyText="—" />
        <TextField source="rejectionReason" emptyText="—" />
        <TextField source="comment" emptyText="—" />
        <DocumentTable source="lines" className="document-lines">
          <NumberField source="lineNo" label={field('lineNo')} />
          <ProductSku label={field('sku')} />
          <ProductName label={field('productName')} />
          <DecimalField source="quantity" label={field('quantity')} textAlign="right" />
          <DayField source="neededBy" label={field('neededBy')} emptyText="—" />
          <TextField source="comment" label={field('comment')} emptyText="—" />
          <DecimalField source="ordered" label={field('ordered')} textAlign="right" />
          <DecimalField source="received" label={field('received')} textAlign="right" />
          <DecimalField source="remaining" label={field('remaining')} textAlign="right" />
          <LineOrders label={field('orders')} />
        </DocumentTable>
      </SimpleShowLayout>
    </RequisitionOrders>
  </Show>
);
