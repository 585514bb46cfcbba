import { AutocompleteInput, BooleanInput, NullableBooleanInput, NumberInput, ReferenceInput, maxValue, minValue, required, useTranslate } from 'react-admin';
import { EnumArrayInput } from '../shared/enums';
import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

/** A plan's form: a client or a segment (one of them), how often, by which activities. */
const PlanInputs = () => {
  const translate = useTranslate();
  return (
    <>
      <p>{translate('tradebook.contactPlan.clientOrSegment')}</p>
      <ReferenceInput source="clientId" reference="Counterparty" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <ReferenceInput source="segmentId" reference="ClientReference" filter={{ kind: 'SEGMENT', active: true }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <NumberInput source="everyDays" validate={[required(), minValue(1), maxValue(365)]} min={1} max={365} />
      <EnumArrayInput source="activityTypes" enumName="ActivityType" validate={required()} defaultValue={['CALL']} />
      <BooleanInput source="active" defaultValue />
    </>
  );
};

const columns: Column[] = [
  { source: 'client.name', label: 'resources.ContactPlan.fields.clientId' },
  { source: 'segment.name', label: 'resources.ContactPlan.fields.segmentId' },
  { source: 'everyDays', kind: 'integer' },
  { source: 'activityTypes', kind: 'enumList', enumName: 'ActivityType', sortable: false },
  { source: 'active', kind: 'boolean' },
];

const filters = [
  <ReferenceInput key="clientId" source="clientId" reference="Counterparty" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <NullableBooleanInput key="segmentDefaults" source="segmentDefaults" alwaysOn />,
];

export const list = () => <ResourceList columns={columns} filters={filters} search={false} sort={{ field: 'everyDays', order: 'ASC' }} rowClick="edit" createPermission="contactPlan:create" />;
export const create = simpleCreate(PlanInputs);
export const edit = simpleEdit(PlanInputs, permissionToolbar('contactPlan'));
