import BusinessIcon from '@mui/icons-material/Business';
import {
  BooleanField, Create, Datagrid, Edit, EditButton, EmailField, List, SearchInput, SelectInput, Show, TabbedShowLayout, TextField, TopToolbar, CreateButton, ExportButton,
} from 'react-admin';
import { EnumField, EnumInput, enumChoices } from '../shared/enums';
import { EnumListColumn, Later, LocaleDateField } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useSaveErrorOptions } from '../shared/useNotifyError';
import { CounterpartyForm } from './CounterpartyInputs';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={enumChoices('CounterpartyRole')} />,
  <EnumInput key="kind" source="kind" enumName="CounterpartyKind" />,
];

const ListActions = () => {
  const can = useCan();
  return (
    <TopToolbar>
      {can('counterparty:create') && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
};

const CounterpartyList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'name', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="name" />
      <TextField source="inn" />
      <EnumField source="kind" enumName="CounterpartyKind" />
      <EnumListColumn source="roles" enumName="CounterpartyRole" label="resources.Counterparty.fields.roles" />
      <TextField source="owner.name" label="resources.Counterparty.fields.owner" sortable={false} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);

const ShowActions = () => {
  const can = useCan();
  return <TopToolbar>{can('counterparty:update') && <EditButton />}</TopToolbar>;
};

/** The client card: later issues fill the orders, contracts and activities tabs. */
const CounterpartyShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="tradebook.tabs.general">
        <TextField source="name" />
        <TextField source="fullName" />
        <EnumField source="kind" enumName="CounterpartyKind" />
        <EnumListColumn source="roles" enumName="CounterpartyRole" label="resources.Counterparty.fields.roles" />
        <TextField source="priceType.name" label="resources.Counterparty.fields.priceType" emptyText="—" />
        <TextField source="phone" />
        <EmailField source="email" />
        <TextField source="comment" />
        <BooleanField source="active" />
        <LocaleDateField source="updatedAt" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tradebook.tabs.requisites" path="requisites">
        <TextField source="inn" />
        <TextField source="kpp" />
        <TextField source="legalAddress" />
        <TextField source="actualAddress" />
        <TextField source="bank.bankName" />
        <TextField source="bank.bik" />
        <TextField source="bank.account" />
        <TextField source="bank.correspondentAccount" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tradebook.tabs.team" path="team">
        <TextField source="owner.name" label="resources.Counterparty.fields.owner" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tradebook.tabs.orders" path="orders">
        <Later />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tradebook.tabs.contracts" path="contracts">
        <Later />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="tradebook.tabs.activities" path="activities">
        <Later />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);

const CounterpartyCreate = () => (
  <Create redirect="show" mutationOptions={useSaveErrorOptions()}>
    <CounterpartyForm />
  </Create>
);

const CounterpartyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useSaveErrorOptions()}>
    <CounterpartyForm />
  </Edit>
);

export default {
  name: 'Counterparty',
  list: CounterpartyList,
  show: CounterpartyShow,
  create: CounterpartyCreate,
  edit: CounterpartyEdit,
  icon: BusinessIcon,
  recordRepresentation: 'name',
  permissions: { read: 'counterparty:read', create: 'counterparty:create', edit: 'counterparty:update' },
};
