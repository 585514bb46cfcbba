import { BooleanField, CreateButton, Datagrid, ExportButton, List, ReferenceField, SearchInput, TextField, TopToolbar } from 'react-admin';
import { EnumField, EnumInput } from '../shared/enums';
import { DecimalField } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { GroupTreeFilter } from './GroupTreeFilter';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <EnumInput key="kind" source="kind" enumName="ProductKind" />];

const Actions = () => {
  const can = useCan();
  return (
    <TopToolbar>
      {can('product:create') && <CreateButton />}
      <ExportButton maxResults={10000} />
    </TopToolbar>
  );
};

export const ProductList = () => (
  <List filters={filters} aside={<GroupTreeFilter />} actions={<Actions />} sort={{ field: 'sku', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="sku" />
      <TextField source="name" />
      <EnumField source="kind" enumName="ProductKind" />
      <ReferenceField source="unitId" reference="Unit" link={false}>
        <TextField source="code" />
      </ReferenceField>
      <TextField source="group.name" label="resources.Product.fields.group" sortable={false} />
      <DecimalField source="vatRate" />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);
