import HistoryIcon from '@mui/icons-material/History';
import { AutocompleteInput, Datagrid, DateTimeInput, FunctionField, List, ReferenceInput, SelectInput, TextField, TextInput, useTranslate } from 'react-admin';
import { EnumField, enumChoices } from '../shared/enums';
import { LocaleDateField } from '../shared/fields';

const ENTITIES = ['Product', 'ProductGroup', 'Unit', 'Warehouse', 'Counterparty', 'User', 'PriceType', 'PriceList', 'PriceListLine', 'DiscountRule'].map((name) => ({ id: name, name: `resources.${name}.name` }));

const filters = [
  <SelectInput key="entity" source="entity" choices={ENTITIES} translateChoice alwaysOn />,
  <ReferenceInput key="userId" source="userId" reference="User" alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={enumChoices('AuditAction')} />,
  <DateTimeInput key="from" source="from" alwaysOn />,
  <DateTimeInput key="to" source="to" />,
  <TextInput key="entityId" source="entityId" />,
];

const describe = (changes: Record<string, { before: unknown; after: unknown }>) =>
  Object.entries(changes ?? {})
    .map(([field, { before, after }]) => `${field}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
    .join('; ');

const EntityName = ({ entity }: { entity: string }) => {
  const translate = useTranslate();
  return <>{translate(`resources.${entity}.name`, { smart_count: 1, _: entity })}</>;
};

/** Who changed what and when; administrators only. */
const AuditList = () => (
  <List filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <LocaleDateField source="at" />
      <TextField source="user.name" label="resources.AuditEntry.fields.user" sortable={false} />
      <FunctionField source="entity" render={(r: { entity: string }) => <EntityName entity={r.entity} />} />
      <EnumField source="action" enumName="AuditAction" />
      <TextField source="entityId" sortable={false} />
      <FunctionField source="changes" sortable={false} render={(r: { changes: Record<string, { before: unknown; after: unknown }> }) => describe(r.changes)} />
    </Datagrid>
  </List>
);

export default {
  name: 'AuditEntry',
  list: AuditList,
  icon: HistoryIcon,
  permissions: { read: 'audit:read' },
};
