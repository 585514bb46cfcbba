import { AutocompleteInput, NumberInput, ReferenceInput, TextInput, minValue, maxValue, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { MomentInput } from '../shared/dates';
import { EnumInput } from '../shared/enums';

/**
 * An activity's form: the client, one of its contact persons (the list follows the client),
 * whom it is for (any active user; yourself when left empty), when and how long, and how many
 * minutes ahead to remind. The server refuses a reminder that would already be past.
 */
export const ActivityInputs = () => {
  const clientId = useWatch({ name: 'clientId' }) as string | undefined;
  return (
    <>
      <EnumInput source="type" enumName="ActivityType" validate={required()} defaultValue="CALL" />
      <TextInput source="subject" validate={required()} fullWidth />
      <ReferenceInput source="clientId" reference="Counterparty" sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <ReferenceInput source="contactId" reference="Contact" filter={clientId ? { counterpartyId: clientId, active: true } : { ids: [] }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" disabled={!clientId} />
      </ReferenceInput>
      <ReferenceInput source="assigneeId" reference="User" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <MomentInput source="dueAt" validate={required()} />
      <NumberInput source="durationMinutes" min={0} max={1440} step={5} validate={[minValue(0), maxValue(1440)]} />
      <TextInput source="location" />
      <NumberInput source="reminderOffsetMinutes" min={0} step={5} validate={minValue(0)} />
    </>
  );
};
