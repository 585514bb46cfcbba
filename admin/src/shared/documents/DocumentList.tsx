import type { ReactElement, ReactNode } from 'react';
import { AutocompleteInput, CreateButton, Datagrid, DateInput, ExportButton, List, ReferenceInput, SearchInput, TextField, TopToolbar } from 'react-admin';
import { EnumField, EnumInput } from '../enums';
import { DayField, LocaleDateField } from '../fields';
import { useCan } from '../permissions';
import { DOCUMENT_PERMISSIONS, type DocumentType } from './documentTypes';

/** Search, status and date range around a document type's own filters: `shown` always, `more` behind "Add filter". */
export const documentFilters = ({ shown = [], more = [] }: { shown?: ReactElement[]; more?: ReactElement[] }) => [
  <SearchInput key="q" source="q" alwaysOn />,
  ...shown,
  <EnumInput key="status" source="status" enumName="DocumentStatus" alwaysOn />,
  ...more,
  <DateInput key="dateFrom" source="dateFrom" />,
  <DateInput key="dateTo" source="dateTo" />,
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

/** Create and the document type's own actions (`children`) with the create permission; Export for all. */
const DocumentListActions = ({ type, children }: { type: DocumentType; children?: ReactNode }) => {
  const canCreate = useCan()(`${DOCUMENT_PERMISSIONS[type]}:create`);
  return (
    <TopToolbar>
      {canCreate && <CreateButton />}
      {canCreate && children}
      <ExportButton />
    </TopToolbar>
  );
};

interface DocumentListProps {
  type: DocumentType;
  filters: ReactElement[];
  /** Actions beside Create, for those who may create (import, reprice…). */
  actions?: ReactNode;
  /** The columns between the date and the status. */
  children: ReactNode;
}

/** Documents, newest first: number, date, the type's own columns, status, comment, posting time; a row opens the document. */
export const DocumentList = ({ type, filters, actions, children }: DocumentListProps) => (
  <List filters={filters} actions={<DocumentListActions type={type}>{actions}</DocumentListActions>} sort={{ field: 'date', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" />
      <DayField source="date" />
      {children}
      <EnumField source="status" enumName="DocumentStatus" />
      <TextField source="comment" sortable={false} />
      <LocaleDateField source="postedAt" />
    </Datagrid>
  </List>
);
