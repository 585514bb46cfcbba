import { ArrayInput, AutocompleteInput, BooleanInput, ReferenceInput, SimpleFormIterator, TextInput, required } from 'react-admin';
import { DayInput } from '../shared/dates';
import { EnumInput } from '../shared/enums';

/** A contact's form: the counterparty (fixed once created), the person, and channels — phones typed any way, kept in E.164 by the server. */
export const ContactInputs = ({ creating }: { creating?: boolean }) => (
  <>
    <ReferenceInput source="counterpartyId" reference="Counterparty" sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" validate={required()} disabled={!creating} />
    </ReferenceInput>
    <TextInput source="name" validate={required()} />
    <TextInput source="position" />
    <DayInput source="birthday" />
    <ArrayInput source="channels">
      <SimpleFormIterator inline disableReordering>
        <EnumInput source="type" enumName="ChannelType" validate={required()} defaultValue="PHONE" />
        <TextInput source="value" validate={required()} />
        <BooleanInput source="primary" />
      </SimpleFormIterator>
    </ArrayInput>
    <TextInput source="notes" multiline fullWidth />
    {!creating && <BooleanInput source="active" />}
  </>
);
