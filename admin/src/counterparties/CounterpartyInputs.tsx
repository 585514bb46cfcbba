import { AutocompleteArrayInput, AutocompleteInput, BooleanInput, FormDataConsumer, ReferenceArrayInput, ReferenceInput, TabbedForm, TextInput, required } from 'react-admin';
import { EnumArrayInput, EnumInput } from '../shared/enums';
import { KeepOnLanguageSwitch } from '../shared/formKeeper';
import { FORM_SX } from '../shared/forms';
import { useCan } from '../shared/permissions';

/** A reference list entry (region, industry, segment, lead source) chosen from its own list. */
const ReferenceListInput = ({ source, kind }: { source: string; kind: string }) => (
  <ReferenceInput source={source} reference="ClientReference" filter={{ kind, active: true }} sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" helperText={false} />
  </ReferenceInput>
);

/** Tags typed as "vip, опт": a list for the API, the same text back in the form. */
const tagsFormat = (tags: string[] | null | undefined) => (tags ?? []).join(', ');
const tagsParse = (text: string) => text.split(',');

/** The form Create and Edit share; INN, KPP and bank errors from the server land on their fields. */
export const CounterpartyForm = ({ creating = false }: { creating?: boolean }) => {
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
        <TextInput source="website" />
        <TextInput source="comment" multiline fullWidth />
        <BooleanInput source="active" defaultValue />
        {creating && <BooleanInput source="allowDuplicate" helperText="resources.Counterparty.helpers.allowDuplicate" />}
      </TabbedForm.Tab>
      <TabbedForm.Tab label="tradebook.tabs.crm" path="crm">
        <EnumInput source="status" enumName="ClientStatus" defaultValue="LEAD" />
        <FormDataConsumer>{({ formData }) => formData.status === 'LOST' && <TextInput source="lostReason" validate={required()} fullWidth />}</FormDataConsumer>
        <ReferenceListInput source="regionId" kind="REGION" />
        <ReferenceListInput source="industryId" kind="INDUSTRY" />
        <ReferenceListInput source="segmentId" kind="SEGMENT" />
        <ReferenceListInput source="leadSourceId" kind="LEAD_SOURCE" />
        <TextInput source="tags" format={tagsFormat} parse={tagsParse} helperText="resources.Counterparty.helpers.tags" fullWidth />
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
