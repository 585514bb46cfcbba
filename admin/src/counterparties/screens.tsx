import { AutocompleteInput, BooleanField, FunctionField, BooleanInput, Create, Edit, EditButton, EmailField, ReferenceInput, SelectInput, Show, TabbedShowLayout, TextField, TextInput, TopToolbar, UrlField } from 'react-admin';
import { EnumField, EnumInput, enumChoices } from '../shared/enums';
import { EnumListColumn, Later, LocaleDateField } from '../shared/fields';
import { useBulkDelete } from '../shared/lists/bulk';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { useCan } from '../shared/permissions';
import { useSaveErrorOptions } from '../shared/useNotifyError';
import { CounterpartyForm } from './CounterpartyInputs';
import { SupplierPriceTab } from '../supplierPrices/SupplierPriceTab';
import { ClientActivities, ClientContacts, ClientDeals, ClientNotes } from './ClientTabs';
import { ClientDocuments } from './ClientDocuments';
import { ClientTimeline } from './ClientTimeline';
import { ClientListActions, MergeClientButton } from './ClientSpreadsheets';

const ownerFilter = (
  <ReferenceInput key="ownerId" source="ownerId" reference="User" sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>
);

const columns: Column[] = [
  { source: 'name' },
  { source: 'inn' },
  { source: 'kpp', hidden: true },
  { source: 'kind', kind: 'enum', enumName: 'CounterpartyKind' },
  { source: 'status', kind: 'enum', enumName: 'ClientStatus' },
  { source: 'region.name', label: 'resources.Counterparty.fields.region', sortable: false, hidden: true },
  { source: 'segment.name', label: 'resources.Counterparty.fields.segment', sortable: false, hidden: true },
  { source: 'tags', kind: 'custom', sortable: false, hidden: true, render: (c) => (c.tags ?? []).join(', '), text: (c) => (c.tags ?? []).join(', ') },
  { source: 'roles', kind: 'enumList', enumName: 'CounterpartyRole', sortable: false },
  { source: 'owner.name', label: 'resources.Counterparty.fields.owner' },
  { source: 'priceType.code', label: 'resources.Counterparty.fields.priceType', needs: 'priceType:read', hidden: true },
  { source: 'phone', hidden: true },
  { source: 'email', hidden: true },
  { source: 'active', kind: 'boolean' },
];

/** Clients and suppliers the reader may see; filters by role, kind, owner (for those who read users) and whether active. */
const CounterpartyList = () => {
  const can = useCan();
  const filters = [
    <SelectInput key="role" source="role" choices={enumChoices('CounterpartyRole')} />,
    <EnumInput key="kind" source="kind" enumName="CounterpartyKind" />,
    <EnumInput key="status" source="status" enumName="ClientStatus" />,
    <ReferenceInput key="regionId" source="regionId" reference="ClientReference" filter={{ kind: 'REGION' }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <ReferenceInput key="segmentId" source="segmentId" reference="ClientReference" filter={{ kind: 'SEGMENT' }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" />
    </ReferenceInput>,
    <TextInput key="tag" source="tag" />,
    ...(can('user:read') ? [ownerFilter] : []),
    <BooleanInput key="active" source="active" />,
  ];
  return <ResourceList columns={columns} filters={filters} sort={{ field: 'name', order: 'ASC' }} rowClick="show" createPermission="counterparty:create" actions={<ClientListActions />} bulkActions={useBulkDelete('counterparty')} />;
};

const ShowActions = () => {
  const can = useCan();
  return (
    <TopToolbar>
      {can('client:merge') && <MergeClientButton />}
      {can('counterparty:update') && <EditButton />}
    </TopToolbar>
  );
};

/** The client card: a later issue fills the contracts tab. */
const CounterpartyShow = () => {
  const can = useCan();
  return (
    <Show actions={<ShowActions />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="tradebook.tabs.general">
          <TextField source="name" />
          <TextField source="fullName" />
          <EnumField source="kind" enumName="CounterpartyKind" />
          <EnumListColumn source="roles" enumName="CounterpartyRole" label="resources.Counterparty.fields.roles" />
          {can('priceType:read') && <TextField source="priceType.name" label="resources.Counterparty.fields.priceType" emptyText="—" />}
          <EnumField source="status" enumName="ClientStatus" />
          <TextField source="lostReason" emptyText="—" />
          <TextField source="region.name" label="resources.Counterparty.fields.region" emptyText="—" />
          <TextField source="industry.name" label="resources.Counterparty.fields.industry" emptyText="—" />
          <TextField source="segment.name" label="resources.Counterparty.fields.segment" emptyText="—" />
          <TextField source="leadSource.name" label="resources.Counterparty.fields.leadSource" emptyText="—" />
          <FunctionField source="tags" render={(c: { tags?: string[] }) => (c.tags?.length ? c.tags.join(', ') : '—')} />
          <TextField source="phone" />
          <EmailField source="email" />
          <UrlField source="website" emptyText="—" target="_blank" />
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
        {can('contact:read') && (
          <TabbedShowLayout.Tab label="tradebook.tabs.contacts" path="contacts">
            <ClientContacts />
          </TabbedShowLayout.Tab>
        )}
        {can('clientNote:read') && (
          <TabbedShowLayout.Tab label="tradebook.tabs.notes" path="notes">
            <ClientNotes />
          </TabbedShowLayout.Tab>
        )}
        {can('activity:read') && (
          <TabbedShowLayout.Tab label="tradebook.tabs.activities" path="activities">
            <ClientActivities />
          </TabbedShowLayout.Tab>
        )}
        {can('deal:read') && (
          <TabbedShowLayout.Tab label="tradebook.deals.tab" path="deals">
            <ClientDeals />
          </TabbedShowLayout.Tab>
        )}
        {can('supplierPrice:read') && (
          <TabbedShowLayout.Tab label="tradebook.tabs.supplierPrices" path="supplier-prices">
            <SupplierPriceTab />
          </TabbedShowLayout.Tab>
        )}
        {can('clientTimeline:read') && (
          <TabbedShowLayout.Tab label="tradebook.timeline.tab" path="timeline">
            <ClientTimeline />
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label="tradebook.clientDocuments.tab" path="documents">
          <ClientDocuments />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="tradebook.tabs.contracts" path="contracts">
          <Later />
        </TabbedShowLayout.Tab>
      </TabbedShowLayout>
    </Show>
  );
};

const CounterpartyCreate = () => (
  <Create redirect="show" mutationOptions={useSaveErrorOptions()}>
    <CounterpartyForm creating />
  </Create>
);

const CounterpartyEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useSaveErrorOptions()}>
    <CounterpartyForm />
  </Edit>
);

export { CounterpartyList as list, CounterpartyShow as show, CounterpartyCreate as create, CounterpartyEdit as edit };
