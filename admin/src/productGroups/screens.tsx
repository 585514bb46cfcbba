import { AutocompleteInput, ReferenceInput, TextInput, required } from 'react-admin';
import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

const GroupInputs = () => (
  <>
    <TextInput source="name" validate={required()} />
    <ReferenceInput source="parentId" reference="ProductGroup" perPage={500} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="path" />
    </ReferenceInput>
  </>
);

const columns: Column[] = [
  { source: 'path', sortable: false },
  { source: 'name' },
  { source: 'parent.name', label: 'resources.ProductGroup.fields.parent', hidden: true },
];

/** Every group with its path ("Tools / Drills"), searched and sorted by name. */
export const list = () => <ResourceList columns={columns} sort={{ field: 'name', order: 'ASC' }} perPage={100} rowClick="edit" createPermission="productGroup:create" />;
export const create = simpleCreate(GroupInputs);
export const edit = simpleEdit(GroupInputs, permissionToolbar('productGroup'));
