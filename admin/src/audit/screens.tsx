import { Box } from '@mui/material';
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput, useGetManyAggregate, useGetRecordRepresentation, useRecordContext, useTranslate } from 'react-admin';
import { MomentInput } from '../shared/dates';
import { enumChoices } from '../shared/enums';
import { useDayFormat, useMomentFormat } from '../shared/fields';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column, ColumnWords } from '../shared/lists/columns';
import { AUDITED, auditValueKind, plainValue } from './auditValues';

type Changes = Record<string, { before: unknown; after: unknown }>;

interface AuditRecord {
  entity: string;
  entityId: string;
  changes: Changes;
}

const filters = [
  <SelectInput key="entity" source="entity" choices={AUDITED.map((name) => ({ id: name, name: `resources.${name}.name` }))} translateChoice alwaysOn />,
  <ReferenceInput key="userId" source="userId" reference="User" alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <SelectInput key="action" source="action" choices={enumChoices('AuditAction')} />,
  <MomentInput key="from" source="from" alwaysOn />,
  <MomentInput key="to" source="to" />,
  <TextInput key="entityId" source="entityId" />,
];

const fieldLabel = (translate: (key: string, options?: Record<string, unknown>) => string, entity: string, field: string) =>
  translate(`resources.${entity}.fields.${field}`, { _: translate(`resources.${entity}.fields.${field}Id`, { _: field }) });

/** The ids of another record type in a change, by name: one request per type for the whole page (react-admin aggregates them). */
const ReferenceNames = ({ reference, ids }: { reference: string; ids: string[] }) => {
  const { data = [] } = useGetManyAggregate(reference, { ids });
  const represent = useGetRecordRepresentation(reference);
  return <>{ids.map((id) => { const record = data.find((r) => r.id === id); return record ? String(represent(record)) : id.slice(0, 8); }).join(', ')}</>;
};

/** One side of a change in the reader's words: names for ids, enum labels, yes/no, days and moments formatted. */
const Value = ({ entity, field, value }: { entity: string; field: string; value: unknown }) => {
  const translate = useTranslate();
  const day = useDayFormat();
  const moment = useMomentFormat();
  const kind = auditValueKind(entity, field);
  if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return <>—</>;
  if ('reference' in kind) return <ReferenceNames reference={kind.reference} ids={(Array.isArray(value) ? value : [value]).map(String)} />;
  if ('enumName' in kind) return <>{(Array.isArray(value) ? value : [value]).map((v) => translate(`enums.${kind.enumName}.${v}`, { _: String(v) })).join(', ')}</>;
  const plain = plainValue(value);
  switch (plain.kind) {
    case 'empty':
      return <>—</>;
    case 'boolean':
      return <>{translate(plain.value ? 'ra.boolean.true' : 'ra.boolean.false')}</>;
    case 'day':
      return <>{day(plain.value)}</>;
    case 'moment':
      return <>{moment(plain.value)}</>;
    case 'object':
      return <>{Object.entries(plain.value).map(([key, inner]) => `${fieldLabel(translate, entity, `${field}.${key}`)}: ${inner ?? '—'}`).join('; ')}</>;
    default:
      return <>{plain.value}</>;
  }
};

/** Every changed field as "Label: before → after", one per line. */
const ChangesField = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box component="ul" sx={{ m: 0, pl: 2 }} data-testid="audit-changes">
      {Object.entries(record.changes ?? {}).map(([field, { before, after }]) => (
        <li key={field}>
          {fieldLabel(translate, record.entity, field)}: <Value entity={record.entity} field={field} value={before} /> → <Value entity={record.entity} field={field} value={after} />
        </li>
      ))}
    </Box>
  );
};

/** The record a change was made to, by its name or number where it still exists. */
const RecordName = () => {
  const record = useRecordContext<AuditRecord>();
  if (!record) return null;
  // a document's line has no query of its own: it keeps its id
  return record.entity.endsWith('Line') ? <>{record.entityId.slice(0, 8)}</> : <ReferenceNames reference={record.entity} ids={[record.entityId]} />;
};

/** The record type in the reader's words. */
const EntityName = () => {
  const record = useRecordContext<AuditRecord>();
  const translate = useTranslate();
  return record ? <>{translate(`resources.${record.entity}.name`, { smart_count: 1, _: record.entity })}</> : null;
};

/** A side of a change in an export's words (ids of other records stay ids there). */
function valueText(entity: string, field: string, value: unknown, w: ColumnWords): string {
  const kind = auditValueKind(entity, field);
  const values = Array.isArray(value) ? value : [value];
  if (value === null || value === undefined || (Array.isArray(value) && !value.length)) return '—';
  if ('enumName' in kind) return values.map((v) => w.translate(`enums.${kind.enumName}.${v}`, { _: String(v) })).join(', ');
  if ('reference' in kind) return values.join(', ');
  const plain = plainValue(value);
  if (plain.kind === 'boolean') return w.translate(plain.value ? 'ra.boolean.true' : 'ra.boolean.false');
  if (plain.kind === 'day') return w.day(plain.value);
  if (plain.kind === 'moment') return w.moment(plain.value);
  if (plain.kind === 'object') return Object.entries(plain.value).map(([key, inner]) => `${fieldLabel(w.translate, entity, `${field}.${key}`)}: ${inner ?? '—'}`).join('; ');
  return plain.kind === 'text' ? plain.value : '—';
}

const changesText = (record: AuditRecord, w: ColumnWords) =>
  Object.entries(record.changes ?? {})
    .map(([field, { before, after }]) => `${fieldLabel(w.translate, record.entity, field)}: ${valueText(record.entity, field, before, w)} → ${valueText(record.entity, field, after, w)}`)
    .join('; ');

const columns: Column<AuditRecord>[] = [
  { source: 'at', kind: 'moment' },
  { source: 'user.name', label: 'resources.AuditEntry.fields.user', sortable: false },
  { source: 'entity', kind: 'custom', sortable: true, render: () => <EntityName />, text: (r, w) => w.translate(`resources.${r.entity}.name`, { smart_count: 1, _: r.entity }) },
  { source: 'action', kind: 'enum', enumName: 'AuditAction' },
  { source: 'entityId', kind: 'custom', sortable: true, render: () => <RecordName />, text: (r) => r.entityId },
  { source: 'changes', kind: 'custom', render: () => <ChangesField />, text: changesText },
];

/** Who changed what and when, in the reader's words: labels for fields, names for ids, enum values translated; administrators only. */
export const list = () => <ResourceList columns={columns} filters={filters} search={false} sort={{ field: 'at', order: 'DESC' }} perPage={50} />;
