import SquareFootIcon from '@mui/icons-material/SquareFoot';
import { simpleCreate, simpleEdit } from '../shared/forms';
import { Datagrid, List, NumberField, NumberInput, SearchInput, TextField, TextInput, required } from 'react-admin';

const UnitInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="okeiCode" />
    <NumberInput source="precision" min={0} max={3} defaultValue={0} />
  </>
);

const UnitList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <TextField source="okeiCode" />
      <NumberField source="precision" />
    </Datagrid>
  </List>
);



export default {
  name: 'Unit',
  list: UnitList,
  create: simpleCreate(UnitInputs),
  edit: simpleEdit(UnitInputs),
  icon: SquareFootIcon,
  recordRepresentation: 'code',
  permissions: { read: 'unit:read', create: 'unit:create', edit: 'unit:update' },
};
