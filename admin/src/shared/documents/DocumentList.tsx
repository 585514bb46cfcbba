import DeleteIcon from '@mui/icons-material/Delete';
import PublishIcon from '@mui/icons-material/Publish';
import type { ReactElement, ReactNode } from 'react';
import { AutocompleteInput, ReferenceInput, useDataProvider } from 'react-admin';
import { api } from '../../providers/sdk';
import { DayInput } from '../dates';
import { EnumInput } from '../enums';
import { BulkEachButton } from '../lists/bulk';
import { ResourceList } from '../lists/ResourceList';
import type { Column } from '../lists/columns';
import { useCan } from '../permissions';
import { DOCUMENT_PERMISSIONS, type DocumentType } from './documentTypes';
import { BulkPrintMenu } from './PrintMenu';

/** Status and date range around a document type's own filters: `shown` always, `more` behind Add filter (the search box comes with every list). */
export const documentFilters = ({ shown = [], more = [] }: { shown?: ReactElement[]; more?: ReactElement[] }) => [
  ...shown,
  <EnumInput key="status" source="status" enumName="DocumentStatus" alwaysOn />,
  ...more,
  <DayInput key="dateFrom" source="dateFrom" />,
  <DayInput key="dateTo" source="dateTo" />,
];

/** The warehouse filter of stock documents (for a transfer: its source or its destination). */
export const warehouseFilter = (
  <ReferenceInput key="warehouseId" source="warehouseId" reference="Warehouse" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>
);

/** The supplier filter of documents owed to a supplier (receipts, landed costs). */
export const supplierFilter = (
  <ReferenceInput key="supplierId" source="supplierId" reference="Counterparty" filter={{ role: 'SUPPLIER' }} sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>
);

/** `PostStockTransfer({ id })`: every document type's verbs follow one naming in the SDK. */
const postOne = (type: DocumentType, id: string): Promise<unknown> => api()[`Post${type}`]({ id });

/** What can be done to selected documents: print them in one PDF, post the drafts, delete the drafts; each refusal (a posted one, not enough stock) is named. */
const DocumentBulkActions = ({ type }: { type: DocumentType }) => {
  const can = useCan();
  const dataProvider = useDataProvider();
  const permission = DOCUMENT_PERMISSIONS[type];
  return (
    <>
      <BulkPrintMenu type={type} />
      {can(`${permission}:post`) && <BulkEachButton label="tradebook.bulk.post" icon={<PublishIcon />} action={(id) => postOne(type, id)} confirm="tradebook.bulk.postAll" done="tradebook.bulk.posted" />}
      {can(`${permission}:delete`) && (
        <BulkEachButton label="tradebook.bulk.deleteDrafts" icon={<DeleteIcon />} action={(id) => dataProvider.delete(type, { id })} confirm="tradebook.bulk.delete" done="tradebook.bulk.deleted" />
      )}
    </>
  );
};

interface DocumentListProps {
  type: DocumentType;
  filters: ReactElement[];
  /** Actions beside Create, for those who may create (import, reprice…). */
  actions?: ReactNode;
  /** The columns between the date and the status. */
  columns: Column[];
  /** The comment column, where the type words it itself (a computed price list). */
  comment?: Column;
}

/** Documents, newest first: number, date, the type's own columns, status, comment, posting time; a row opens the document; selected ones print in one PDF, drafts are posted or deleted by the page. */
export const DocumentList = ({ type, filters, actions, columns, comment = { source: 'comment' } }: DocumentListProps) => {
  const permission = DOCUMENT_PERMISSIONS[type];
  const all: Column[] = [
    { source: 'number' },
    { source: 'date', kind: 'day' },
    ...columns,
    { source: 'status', kind: 'enum', enumName: 'DocumentStatus' },
    comment,
    { source: 'postedAt', kind: 'moment' },
  ];
  const bulk = <DocumentBulkActions type={type} />;
  return <ResourceList columns={all} filters={filters} actions={actions} sort={{ field: 'date', order: 'DESC' }} rowClick="show" createPermission={`${permission}:create`} bulkActions={bulk} />;
};
