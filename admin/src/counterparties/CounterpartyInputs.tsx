import { AutocompleteArrayInput, AutocompleteInput, BooleanInput, ReferenceArrayInput, ReferenceInput, TabbedForm, TextInput, required } from 'react-admin';
import { EnumArrayInput, EnumInput } from '../shared/enums';
import { KeepOnLanguageSwitch } from '../shared/formKeeper';
import { FORM_SX } from '../shared/forms';
import { useCan } from '../shared/permissions';

/** The form Create and Edit share; INN, KPP and bank errors from the server land on their fields. */
export const CounterpartyForm = () => {
  const can = useCan();
  return (
    <TabbedForm sx={FORM_SX}>
      <TabbedForm.Tab label="tradebook.tabs.general">
        <KeepOnLanguageSwitch />
        <TextInput source="name" validate={required()} fullWidth />
        <TextInput source="fullName" fullWidth />
        <EnumInput source="kind" enumName="CounterpartyKind" defaultValue="COMPANY" />
        <EnumArrayInput source="roles" enumName="CounterpartyRole" defaultValue={['CLIENT']} />
        {can('priceType:read') && (
          <ReferenceInput source="priceTypeId" reference="PriceType" filter={{ active: true }} sort={{ field: 'code', order: 'ASC' }}>
            <AutocompleteInput helperText={false} />
          </ReferenceInput>
        )}
        <TextInput source="phone" />
        <TextInput source="email" />
        <TextInput source="comment" multiline fullWidth />
        <BooleanInput source="active" defaultValue />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="tradebook.tabs.requisites" path="requisites">
        <TextInput source="inn" />
        <TextInput source="kpp" />
        <TextInput source="legalAddress" fullWidth />
        <TextInput source="actualAddress" fullWidth />
        <TextInput source="bank.bankName" fullWidth />
        <TextInput source="bank.bik" />
        <TextInput source="bank.account" />
        <TextInput source="bank.correspondentAccount" />
      </TabbedForm.Tab>
      <TabbedForm.Tab label="tradebook.tabs.team" path="team">
        {can('user:read') && (
          <ReferenceInput source="ownerId" reference="User" filter={{ active: true }}>
            <AutocompleteInput optionText="name" />
          </ReferenceInput>
        )}
        {can('user:read') && (
          <ReferenceArrayInput source="teamMemberIds" reference="User" filter={{ active: true }}>
            <AutocompleteArrayInput optionText="name" />
          </ReferenceArrayInput>
        )}
      </TabbedForm.Tab>
    </TabbedForm>
  );
};
