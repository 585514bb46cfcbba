import { AutocompleteInput, BooleanInput, Create, Edit, ReferenceInput, SimpleForm } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { DayInput } from '../shared/dates';
import { FORM_SX, permissionToolbar } from '../shared/forms';
import { KeepOnLanguageSwitch } from '../shared/formKeeper';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { useCan } from '../shared/permissions';
import { useSaveErrorOptions } from '../shared/useNotifyError';
import { DealHistory } from './DealHistory';
import { DealInputs } from './DealInputs';

const columns: Column[] = [
  { source: 'title' },
  { source: 'client.name', label: 'resources.Deal.fields.client', sortable: false },
  { source: 'stage.name', label: 'resources.Deal.fields.stage', sortable: false },
  { source: 'amount', kind: 'money' },
  { source: 'expectedCloseDate', kind: 'day' },
  { source: 'owner.name', label: 'resources.Deal.fields.owner' },
  { source: 'closedAt', kind: 'moment', hidden: true },
  { source: 'lostReason', sortable: false, hidden: true },
  { source: 'createdAt', kind: 'moment', hidden: true },
];

/** Deals of the clients the reader may see; filters by client, stage, owner (for those who read users), open or closed, expected close. */
const DealList = () => {
  const can = useCan();
  const filters = [
    <ReferenceInput key="clientId" source="clientId" reference="Counterparty" filter={{ role: 'CLIENT' }} sort={{ field: 'name', order: 'ASC' }} alwaysOn>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="stageId" source="stageId" reference="DealStage" sort={{ field: 'position', order: 'ASC' }}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    ...(can('user:read')
      ? [
          <ReferenceInput key="ownerId" source="ownerId" reference="User" sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput optionText="name" />
          </ReferenceInput>,
        ]
      : []),
    <BooleanInput key="open" source="open" />,
    <DayInput key="expectedCloseFrom" source="expectedCloseFrom" />,
    <DayInput key="expectedCloseTo" source="expectedCloseTo" />,
  ];
  return <ResourceList columns={columns} filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} rowClick="edit" createPermission="deal:create" />;
};

/** Opened from a client's card (its client chosen), the new deal goes back there once saved. */
const DealCreate = () => {
  const clientId = (useLocation().state as { record?: { clientId?: string } } | null)?.record?.clientId;
  return (
    <Create redirect={clientId ? () => `Counterparty/${clientId}/show/deals` : 'list'} mutationOptions={useSaveErrorOptions()}>
      <SimpleForm sx={FORM_SX}>
        <KeepOnLanguageSwitch />
        <DealInputs />
      </SimpleForm>
    </Create>
  );
};

/** Pessimistic, so a CONFLICT or a field error (a Lost stage without the reason) shows before leaving; its order and stage history beside. */
const DealEdit = () => (
  <Edit mutationMode="pessimistic" mutationOptions={useSaveErrorOptions()} aside={<DealHistory />}>
    <SimpleForm toolbar={permissionToolbar('deal')} sx={FORM_SX}>
      <KeepOnLanguageSwitch />
      <DealInputs />
    </SimpleForm>
  </Edit>
);

export const list = DealList;
export const create = DealCreate;
export const edit = DealEdit;
