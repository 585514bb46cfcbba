import { BooleanInput, NumberInput, TextInput, required } from 'react-admin';
import { EnumInput } from '../shared/enums';
import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

/** A stage's form: its name, place, probability and kind; an existing one can be switched off. */
const StageInputs = ({ creating }: { creating?: boolean }) => (
  <>
    <TextInput source="name" validate={required()} />
    <NumberInput source="position" step={10} min={0} />
    <NumberInput source="probability" validate={required()} min={0} max={100} />
    <EnumInput source="kind" enumName="DealStageKind" validate={required()} defaultValue="OPEN" />
    {!creating && <BooleanInput source="active" />}
  </>
);

const columns: Column[] = [
  { source: 'position', kind: 'integer' },
  { source: 'name' },
  { source: 'probability', kind: 'integer' },
  { source: 'kind', kind: 'enum', enumName: 'DealStageKind' },
  { source: 'active', kind: 'boolean' },
];

export const list = () => <ResourceList columns={columns} sort={{ field: 'position', order: 'ASC' }} rowClick="edit" createPermission="dealStage:create" />;
export const create = simpleCreate(StageInputs);
export const edit = simpleEdit(StageInputs, permissionToolbar('dealStage'));
