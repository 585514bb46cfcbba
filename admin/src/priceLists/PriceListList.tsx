import { AutocompleteInput, CreateButton, Datagrid, DateInput, ExportButton, List, ReferenceInput, SearchInput, TextField, TopToolbar } from 'react-admin';
import { EnumField, EnumInput } from '../shared/enums';
import { DayField, LocaleDateField } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { ImportCsvButton, RepriceGroupButton } from './PriceListDialogs';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="priceTypeId" source="priceTypeId" reference="PriceType" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="code" />
  </ReferenceInput>,
  <EnumInput key="status" source="status" enumName="DocumentStatus" alwaysOn />,
  <EnumInput key="source" source="source" enumName="PriceListSource" />,
  <DateInput key="dateFrom" source="dateFrom" />,
  <DateInput key="dateTo" source="dateTo" />,
];

const ListActions = () => {
  const can = useCan();
  return (
    <TopToolbar>
      {can('priceList:create') && <CreateButton />}
      {can('priceList:create') && <ImportCsvButton />}
      {can('priceList:create') && <RepriceGroupButton />}
      <ExportButton />
    </TopToolbar>
  );
};

/** Price lists, newest first; a row opens the list with its lines and, once posted, its register rows. */
export const PriceListList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'date', order: 'DESC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="number" />
      <DayField source="date" />
      <TextField source="priceType.code" label="resources.PriceList.fields.priceType" sortable={false} />
      <EnumField source="status" enumName="DocumentStatus" />
      <EnumField source="source" enumName="PriceListSource" />
      <TextField source="group.name" label="resources.PriceList.fields.group" sortable={false} />
      <TextField source="comment" sortable={false} />
      <LocaleDateField source="postedAt" />
    </Datagrid>
  </List>
);
