import WarehouseIcon from '@mui/icons-material/Warehouse';
import { simpleCreate, simpleEdit } from '../shared/forms';
import { BooleanField, BooleanInput, Datagrid, List, SearchInput, TextField, TextInput, required } from 'react-admin';

const WarehouseInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="address" fullWidth />
    <BooleanInput source="allowsNegativeStock" defaultValue={false} />
    <BooleanInput source="active" defaultValue />
  </>
);

const WarehouseList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />, <BooleanInput key="active" source="active" />]} sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="address" />
      <BooleanField source="allowsNegativeStock" />
      <BooleanField source="active" />
    </Datagrid>
  </List>
);



export default {
  name: 'Warehouse',
  list: WarehouseList,
  create: simpleCreate(WarehouseInputs),
  edit: simpleEdit(WarehouseInputs),
  icon: WarehouseIcon,
  recordRepresentation: 'name',
  permissions: { read: 'warehouse:read', create: 'warehouse:create', edit: 'warehouse:update' },
};
