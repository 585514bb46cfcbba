import type { ReactNode } from 'react';
import {
  ArrayField, Datagrid, DeleteButton, EditButton, Labeled, NumberField, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar, useRecordContext,
} from 'react-admin';
import { DocumentVerbButton } from '../DocumentVerbButton';
import { EnumField } from '../enums';
import { DayField, DecimalField, LocaleDateField, MoneyField } from '../fields';
import { useCan } from '../permissions';
import { ProductName, ProductSku } from '../products';
import { DOCUMENT_PERMISSIONS, fieldLabel, type DocumentRecord, type DocumentType } from './documentTypes';

/**
 * Per status and permission: a draft is edited, posted, cancelled or deleted; a posted document
 * is unposted or cancelled. `undoable` may hold Unpost and Cancel back (a derived price list follows its base).
 */
export const DocumentShowActions = ({ type, undoable = () => true }: { type: DocumentType; undoable?: (record: DocumentRecord) => boolean }) => {
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
    </TopToolbar>
  );
};

/** A column of a document's lines after line, SKU, name and quantity: money (a receipt's unit cost) or a plain decimal. */
export interface LineColumn {
  source: string;
  kind: 'money' | 'decimal';
}

const COLUMNS = { money: MoneyField, decimal: DecimalField };

const ROWS = { bulkActionButtons: false, rowClick: false, empty: <span>—</span>, sx: { '& .RaDatagrid-rowCell': { py: 0.5 } } } as const;

const WarehouseName = (_: { label?: string }) => (
  <ReferenceField source="warehouseId" reference="Warehouse" link={false}>
    <TextField source="name" />
  </ReferenceField>
);

interface DocumentShowProps {
  type: DocumentType;
  /** The head fields between the date and the status: warehouses, supplier, reason… */
  children: ReactNode;
  lineColumns?: LineColumn[];
  /** The stock movements the document made once posted, with their warehouse where it moves goods between two. */
  movements?: { warehouse: boolean };
}

/**
 * A document with its head, its lines (`document-lines`) and, once posted, the stock movements
 * it made (`document-movements`), cost only for readers with cost:read; Post, Unpost and Cancel above.
 */
export const DocumentShow = ({ type, children, lineColumns = [], movements }: DocumentShowProps) => {
  const label = fieldLabel(type);
  const seesCost = useCan()('cost:read');
  return (
    <Show actions={<DocumentShowActions type={type} />}>
      <SimpleShowLayout>
        <TextField source="number" />
        <DayField source="date" />
        {children}
        <EnumField source="status" enumName="DocumentStatus" />
        <TextField source="comment" emptyText="—" />
        <LocaleDateField source="postedAt" emptyText="—" />
        <Labeled label={label('lines')} fullWidth>
          <ArrayField source="lines">
            <Datagrid {...ROWS} className="document-lines">
              <NumberField source="lineNo" label={label('lineNo')} />
              <ProductSku label={label('sku')} />
              <ProductName label={label('productName')} />
              <DecimalField source="quantity" label={label('quantity')} textAlign="right" />
              {lineColumns.map(({ source, kind }) => {
                const Column = COLUMNS[kind];
                return <Column key={source} source={source} label={label(source)} textAlign="right" />;
              })}
            </Datagrid>
          </ArrayField>
        </Labeled>
        {movements && (
          <Labeled label={label('movements')} fullWidth>
            <ArrayField source="movements">
              <Datagrid {...ROWS} className="document-movements">
                <NumberField source="recorderLine" label={label('lineNo')} />
                <DayField source="date" label={label('date')} />
                {movements.warehouse && <WarehouseName label={label('warehouse')} />}
                <ProductSku label={label('sku')} />
                <DecimalField source="quantity" label={label('quantity')} textAlign="right" />
                {seesCost && <MoneyField source="cost" label={label('cost')} textAlign="right" />}
              </Datagrid>
            </ArrayField>
          </Labeled>
        )}
      </SimpleShowLayout>
    </Show>
  );
};
