import { AutocompleteInput, ReferenceInput, TextInput, required } from 'react-admin';
import { DayInput } from '../shared/dates';
import { parseDecimal } from '../shared/forms';
import { useCan } from '../shared/permissions';

/** A deal's form: the client, title, stage (active ones), amount, expected close, and for heads of sales (deal:reassign) the owner. */
export const DealInputs = () => {
  const can = useCan();
  return (
    <>
      <ReferenceInput source="clientId" reference="Counterparty" filter={{ role: 'CLIENT', active: true }} sort={{ field: 'name', order: 'ASC' }}>
        <AutocompleteInput optionText="name" validate={required()} />
      </ReferenceInput>
      <TextInput source="title" validate={required()} fullWidth />
      <ReferenceInput source="stageId" reference="DealStage" filter={{ active: true }} sort={{ field: 'position', order: 'ASC' }}>
        <AutocompleteInput optionText="name" />
      </ReferenceInput>
      <TextInput source="amount" validate={required()} parse={parseDecimal} />
      <DayInput source="expectedCloseDate" />
      {can('deal:reassign') && can('user:read') && (
        <ReferenceInput source="ownerId" reference="User" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput optionText="name" />
        </ReferenceInput>
      )}
      <TextInput source="lostReason" multiline fullWidth helperText="resources.Deal.fields.lostReasonHelp" />
    </>
  );
};
