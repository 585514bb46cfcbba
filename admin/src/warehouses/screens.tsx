import { BooleanInput, TextInput, required } from 'react-admin';
import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

const WarehouseInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="address" fullWidth />
    <BooleanInput source="allowsNegativeStock" defaultValue={false} />
    <BooleanInput source="partnerShipping" defaultValue={false} />
    <BooleanInput source="active" defaultValue />
  </>
);

// the warehouse list sorts by every column (inventory's warehouse service)
const columns: Column[] = [
  { source: 'code' },
  { source: 'name' },
  { source: 'address' },
  { source: 'allowsNegativeStock', kind: 'boolean' },
  { source: 'partnerShipping', kind: 'boolean' },
  { source: 'active', kind: 'boolean' },
];

export const list = () => (
  <ResourceList columns={columns} filters={[<BooleanInput key="active" source="active" />]} sort={{ field: 'code', order: 'ASC' }} rowClick="edit" createPermission="warehouse:create" />
);
export const create = simpleCreate(WarehouseInputs);
export const edit = simpleEdit(WarehouseInputs, permissionToolbar('warehouse'));
