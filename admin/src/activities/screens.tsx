import { Typography } from '@mui/material';
import { AutocompleteInput, Create, DeleteButton, Edit, Labeled, ReferenceInput, SaveButton, SimpleForm, TextField, Toolbar, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { MomentInput } from '../shared/dates';
import { EnumField, EnumInput } from '../shared/enums';
import { LocaleDateField } from '../shared/fields';
import { FORM_SX } from '../shared/forms';
import { KeepOnLanguageSwitch } from '../shared/formKeeper';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { useCan } from '../shared/permissions';
import { useSaveErrorOptions } from '../shared/useNotifyError';
import { ActivityInputs } from './ActivityInputs';
import { ActivityVerbs } from './ActivityVerbs';

const columns: Column[] = [
  { source: 'dueAt', kind: 'moment' },
  { source: 'type', kind: 'enum', enumName: 'ActivityType' },
  { source: 'subject' },
  { source: 'client.name', label: 'resources.Activity.fields.client' },
  { source: 'contact.name', label: 'resources.Activity.fields.contact', sortable: false, hidden: true },
  { source: 'assignee.name', label: 'resources.Activity.fields.assignee' },
  { source: 'status', kind: 'enum', enumName: 'ActivityStatus' },
  { source: 'overdue', kind: 'boolean', sortable: false },
  { source: 'durationMinutes', kind: 'integer', sortable: false, hidden: true },
  { source: 'result', sortable: false, hidden: true },
];

const filters = [
  <EnumInput key="type" source="type" enumName="ActivityType" />,
  <EnumInput key="status" source="status" enumName="ActivityStatus" />,
  <ReferenceInput key="assigneeId" source="assigneeId" reference="User" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <ReferenceInput key="clientId" source="clientId" reference="Counterparty" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <MomentInput key="dueFrom" source="dueFrom" />,
  <MomentInput key="dueTo" source="dueTo" />,
];

/** The activities the reader wrote, is given, or sees through their clients; the nearest due first. */
export const list = () => <ResourceList columns={columns} filters={filters} sort={{ field: 'dueAt', order: 'ASC' }} rowClick="edit" createPermission="activity:create" />;

/** Opened from a client's card (its client chosen), the new activity goes back there once saved. */
export const create = () => {
  const clientId = (useLocation().state as { record?: { clientId?: string } } | null)?.record?.clientId;
  return (
    <Create redirect={clientId ? () => `Counterparty/${clientId}/show/activities` : 'list'} mutationOptions={useSaveErrorOptions()}>
      <SimpleForm sx={FORM_SX}>
        <KeepOnLanguageSwitch />
        <ActivityInputs />
      </SimpleForm>
    </Create>
  );
};

/** Save while PLANNED (with activity:update); Delete for those who may (the API lets only the author or a head). */
const EditToolbar = () => {
  const can = useCan();
  const record = useRecordContext<{ status: string }>();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <SaveButton disabled={!can('activity:update') || record?.status !== 'PLANNED'} />
      {can('activity:delete') && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};

/** Where the activity stands: its status, who planned it, and once done, what came of it. */
const Outcome = () => {
  const record = useRecordContext<{ status: string }>();
  const translate = useTranslate();
  return (
    <>
      <Labeled source="status">
        <EnumField source="status" enumName="ActivityStatus" />
      </Labeled>
      <Labeled source="author.name" label="resources.Activity.fields.author">
        <TextField source="author.name" />
      </Labeled>
      {record?.status === 'DONE' && (
        <>
          <Labeled source="completedAt">
            <LocaleDateField source="completedAt" />
          </Labeled>
          <Labeled source="result">
            <TextField source="result" emptyText="—" />
          </Labeled>
        </>
      )}
      {record && record.status !== 'PLANNED' && <Typography sx={{ color: 'text.secondary' }}>{translate('tradebook.activity.ended')}</Typography>}
    </>
  );
};

export const edit = () => (
  <Edit
    mutationMode="pessimistic"
    mutationOptions={useSaveErrorOptions()}
    actions={
      <TopToolbar>
        <ActivityVerbs />
      </TopToolbar>
    }
  >
    <SimpleForm toolbar={<EditToolbar />} sx={FORM_SX}>
      <KeepOnLanguageSwitch />
      <Outcome />
      <ActivityInputs />
    </SimpleForm>
  </Edit>
);
