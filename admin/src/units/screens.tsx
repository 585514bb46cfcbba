import { NumberInput, TextInput, required } from 'react-admin';
import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { UnitName } from '../shared/units';

const UnitInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} />
    <TextInput source="okeiCode" />
    <NumberInput source="precision" min={0} max={3} defaultValue={0} />
  </>
);

const columns: Column[] = [
  { source: 'code' },
  { source: 'name' },
  { source: 'okeiCode', kind: 'custom', sortable: true, label: 'resources.Unit.fields.shortName', render: (unit) => <UnitName unit={unit} />, text: (unit, w) => w.translate(`tradebook.units.${unit.okeiCode}`, { _: unit.code }) },
  { source: 'precision', kind: 'integer' },
];

export const list = () => <ResourceList columns={columns} sort={{ field: 'code', order: 'ASC' }} rowClick="edit" createPermission="unit:create" />;
export const create = simpleCreate(UnitInputs);
export const edit = simpleEdit(UnitInputs, permissionToolbar('unit'));
