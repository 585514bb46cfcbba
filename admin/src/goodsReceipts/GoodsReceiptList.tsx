import { AutocompleteInput, CreateButton, Datagrid, DateInput, ExportButton, List, ReferenceInput, SearchInput, TextField, TopToolbar } from 'react-admin';
import { EnumField, EnumInput } from '../shared/enums';
import { DayField, LocaleDateField } from '../shared/fields';
import { useCan } from '../shared/permissions';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="warehouseId" source="warehouseId" reference="Warehouse" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <EnumInput key="status" source="status" enumName="DocumentStatus" alwaysOn />,
  <ReferenceInput key="supplierId" source="supplierId" reference="Counterparty" filter={{ role: 'SUPPLIER' }} sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <DateInput key="dateFrom" source="dateFrom" />,
  <DateInput key="dateTo" source="dateTo" />,
];

const ListActions = () => {
  const can = useCan();
  return (
    <TopToolbar>
      {can('stockDocument:create') && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
};

/** Receipts, newest first; a row opens the receipt with its lines and, once posted, its stock movements. */
export const GoodsReceiptList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'date', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" />
      <DayField source="date" />
      <TextField source="warehouse.name" label="resources.GoodsReceipt.fields.warehouse" sortable={false} />
      <TextField source="supplier.name" label="resources.GoodsReceipt.fields.supplier" sortable={false} />
      <EnumField source="status" enumName="DocumentStatus" />
      <TextField source="comment" sortable={false} />
      <LocaleDateField source="postedAt" />
    </Datagrid>
  </List>
);
