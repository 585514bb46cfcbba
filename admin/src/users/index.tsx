import PeopleIcon from '@mui/icons-material/People';
import { simpleCreate, simpleEdit } from '../shared/forms';
import {
  AutocompleteInput, BooleanField, BooleanInput, Datagrid, EmailField, List, PasswordInput, ReferenceInput, SearchInput, SelectInput, TextField, TextInput, email, required,
} from 'react-admin';
import { EnumArrayInput, enumChoices } from '../shared/enums';
import { EnumListColumn, LocaleDateField } from '../shared/fields';

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

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={enumChoices('Role')} />, <BooleanInput key="active" source="active" />];

const UserList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="name" />
      <EmailField source="email" />
      <EnumListColumn source="roles" enumName="Role" label="resources.User.fields.roles" />
      <TextField source="team" />
      <BooleanField source="active" />
      <LocaleDateField source="lastLoginAt" />
    </Datagrid>
  </List>
);



/** Users and their roles: administrators only (user:create / user:update). */
export default {
  name: 'User',
  list: UserList,
  create: simpleCreate(UserInputs),
  edit: simpleEdit(UserInputs),
  icon: PeopleIcon,
  recordRepresentation: 'name',
  permissions: { read: 'user:update', create: 'user:create', edit: 'user:update' },
};
