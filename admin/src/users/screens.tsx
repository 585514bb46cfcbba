import { AutocompleteInput, BooleanInput, PasswordInput, ReferenceInput, SelectInput, TextInput, email, required } from 'react-admin';
import { EnumArrayInput, enumChoices } from '../shared/enums';
import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { useBulkDelete } from '../shared/lists/bulk';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

const UserInputs = ({ creating }: { creating?: boolean }) => (
  <>
    <TextInput source="email" validate={[required(), email()]} />
    <TextInput source="name" validate={required()} />
    <PasswordInput source="password" validate={creating ? required() : undefined} autoComplete="new-password" />
    <EnumArrayInput source="roles" enumName="Role" validate={required()} />
    <TextInput source="team" />
    <ReferenceInput source="counterpartyId" reference="Counterparty">
      <AutocompleteInput optionText="name" />
    </ReferenceInput>
    <BooleanInput source="active" defaultValue />
  </>
);

const filters = [<SelectInput key="role" source="role" choices={enumChoices('Role')} />, <BooleanInput key="active" source="active" />];

const columns: Column[] = [
  { source: 'name' },
  { source: 'email' },
  { source: 'roles', kind: 'enumList', enumName: 'Role', sortable: false },
  { source: 'team' },
  { source: 'counterparty.name', label: 'resources.User.fields.counterpartyId', hidden: true },
  { source: 'active', kind: 'boolean' },
  { source: 'lastLoginAt', kind: 'moment' },
];

export const list = () => <ResourceList columns={columns} filters={filters} sort={{ field: 'name', order: 'ASC' }} rowClick="edit" createPermission="user:create" bulkActions={useBulkDelete('user')} />;
export const create = simpleCreate(UserInputs);
export const edit = simpleEdit(UserInputs, permissionToolbar('user'));
