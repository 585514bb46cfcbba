import { Box } from '@mui/material';
import type { ComponentType, ReactElement, ReactNode } from 'react';
import {
  ArrayField, Datagrid, DeleteButton, EditButton, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext,
} from 'react-admin';
import { DocumentVerbButton } from '../DocumentVerbButton';
import { EnumField } from '../enums';
import { DayField, DecimalField, LocaleDateField, MoneyField } from '../fields';
import { useCan } from '../permissions';
import { ProductName, ProductSku } from '../products';
import { DOCUMENT_PERMISSIONS, fieldLabel, type DocumentRecord, type DocumentType } from './documentTypes';
import { PrintMenu } from './PrintMenu';

/**
 * Per status and permission: a draft is edited, posted, cancelled or deleted; a posted document
 * is unposted or cancelled; Print where the type has forms. `undoable` may hold Unpost and Cancel back (a derived price list follows its base).
 */
export const DocumentShowActions = ({ type, undoable = () => true, extra }: { type: DocumentType; undoable?: (record: DocumentRecord) => boolean; extra?: ReactNode }) => {
  const record = useRecordContext<DocumentRecord>();
  const can = useCan();
  if (!record) return <TopToolbar />;
  const permission = DOCUMENT_PERMISSIONS[type];
  const draft = record.status === 'DRAFT';
  const undo = undoable(record) && can(`${permission}:post`);
  return (
    <TopToolbar>
      {draft && can(`${permission}:update`) && <EditButton />}
      {draft && can(`${permission}:post`) && <DocumentVerbButton type={type} verb="post" />}
      {record.status === 'POSTED' && undo && <DocumentVerbButton type={type} verb="unpost" confirm />}
      {record.status !== 'CANCELLED' && undo && <DocumentVerbButton type={type} verb="cancel" confirm />}
      {draft && can(`${permission}:delete`) && <DeleteButton mutationMode="pessimistic" />}
      {extra}
      <PrintMenu type={type} />
    </TopToolbar>
  );
};

/** A column of a document's table: money (a receipt's unit cost), a plain decimal, or text. */
export interface LineColumn {
  source: string;
  kind: 'money' | 'decimal' | 'text';
  /** The field whose label it takes where the source is nested (`goodsReceiptLine.quantity` → `quantity`). */
  label?: string;
  /** Only for readers with cost:read: the API sends null to the others. */
  cost?: boolean;
}

/** The quantity of a line: the column of a transfer's or a write-off's lines. */
export const QUANTITY: LineColumn = { source: 'quantity', kind: 'decimal' };

type ColumnProps = { source: string; label: string; textAlign: 'left' | 'right'; emptyText: string };
const COLUMNS: Record<LineColumn['kind'], ComponentType<ColumnProps>> = { money: MoneyField, decimal: DecimalField, text: TextField };

/** Renders columns of a document's table as datagrid fields, those of cost:read left out for other readers. */
export function useLineColumns(type: DocumentType): (columns: LineColumn[]) => ReactElement[] {
  const label = fieldLabel(type);
  const seesCost = useCan()('cost:read');
  return (columns) =>
    columns
      .filter((column) => seesCost || !column.cost)
      .map(({ source, kind, label: name = source }) => {
        const Column = COLUMNS[kind];
        return <Column key={source} source={source} label={label(name)} textAlign={kind === 'text' ? 'left' : 'right'} emptyText="—" />;
      });
}

const ROWS = { bulkActionButtons: false, rowClick: false, empty: <span>—</span>, sx: { '& .RaDatagrid-rowCell': { py: 0.5 } } } as const;

/**
 * A table of the document (`lines`, `movements`, `adjustments`), its rows marked by `className`
 * for tests. In a show layout it is labelled by its source's field name (or the `label` given).
 */
export const DocumentTable = ({ source, className, children }: { source: string; className: string; label?: string; children: ReactNode }) => (
  // a phone scrolls a wide table within itself, never the page
  <Box sx={{ overflowX: 'auto', maxWidth: '100%' }}>
    <ArrayField source={source}>
      <Datagrid {...ROWS} className={className}>
        {children}
      </Datagrid>
    </ArrayField>
  </Box>
);

/** The warehouse of a row (`warehouseId`) by name. */
export const WarehouseName = (_: { label?: string }) => (
  <ReferenceField source="warehouseId" reference="Warehouse" link={false}>
    <TextField source="name" />
  </ReferenceField>
);

interface DocumentShowProps {
  type: DocumentType;
  /** The head fields between the date and the status: warehouses, supplier, reason… */
  children: ReactNode;
  /** The columns of the lines after line number, SKU and name: a quantity unless given. */
  lineColumns?: LineColumn[];
  /** Where a line names its product: `productId`, or deeper (a landed cost line's receipt line). */
  lineProduct?: string;
  /** Columns between the line number and the product (a landed cost line's receipt). */
  lineLead?: ReactNode;
  /** Tables between the lines and the movements (a landed cost's adjustments). */
  sections?: ReactNode;
  /** The stock movements the document made once posted, with their warehouse where it moves goods between two. */
  movements?: { warehouse: boolean };
  /** Buttons of the type's own beside the verbs (a shipment's Return). */
  actions?: ReactNode;
}

/**
 * A document with its head, its lines (`document-lines`) and, once posted, the stock movements
 * it made (`document-movements`), cost only for readers with cost:read; Post, Unpost and Cancel above.
 */
export const DocumentShow = ({ type, children, lineColumns = [QUANTITY], lineProduct, lineLead, sections, movements, actions }: DocumentShowProps) => {
  const label = fieldLabel(type);
  const columns = useLineColumns(type);
  return (
    <Show actions={<DocumentShowActions type={type} extra={actions} />}>
      <SimpleShowLayout>
        <TextField source="number" />
        <DayField source="date" />
        {children}
        <EnumField source="status" enumName="DocumentStatus" />
        <TextField source="comment" emptyText="—" />
        <LocaleDateField source="postedAt" emptyText="—" />
        <DocumentTable source="lines" className="document-lines">
          <NumberField source="lineNo" label={label('lineNo')} />
          {lineLead}
          <ProductSku source={lineProduct} label={label('sku')} />
          <ProductName source={lineProduct} label={label('productName')} />
          {columns(lineColumns)}
        </DocumentTable>
        {sections}
        {movements && (
          <DocumentTable source="movements" className="document-movements">
            <NumberField source="recorderLine" label={label('lineNo')} />
            <DayField source="date" label={label('date')} />
            {movements.warehouse && <WarehouseName label={label('warehouse')} />}
            <ProductSku label={label('sku')} />
            {columns([QUANTITY, { source: 'cost', kind: 'money', cost: true }])}
          </DocumentTable>
        )}
      </SimpleShowLayout>
    </Show>
  );
};
