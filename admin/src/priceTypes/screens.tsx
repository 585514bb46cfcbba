import { AutocompleteInput, BooleanInput, FormDataConsumer, ReferenceInput, TextInput, TopToolbar, required, useRecordContext } from 'react-admin';
import { DayInput } from '../shared/dates';
import { today } from '../shared/fields';
import { EnumInput } from '../shared/enums';
import { parseDecimal, permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { useBulkDelete } from '../shared/lists/bulk';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { PrintMenu } from '../shared/documents/PrintMenu';
import { RecomputeButton } from './RecomputeButton';
import { RecomputeNote, useRecomputes } from './RecomputeNote';
import type { PriceTypeFacts } from './recomputes';

interface PriceTypeRecord {
  id: string;
  code: string;
  name: string;
  derivation?: string;
}

const typeLabel = (t: PriceTypeRecord) => `${t.code} — ${t.name}`;

/**
 * When a save recomputes prices (a derived type's rule set or changed, a base's VAT basis
 * changed): the date they are recomputed from, and which types that is.
 */
const RecomputeFrom = ({ form }: { form: PriceTypeFacts & { recomputeFrom?: string | null } }) => {
  const previous = useRecordContext<PriceTypeFacts>() ?? null;
  const recomputes = useRecomputes(form, previous?.id ? previous : null);
  if (!recomputes.types.length) return null;
  return (
    <>
      <DayInput source="recomputeFrom" defaultValue={today()} helperText="resources.PriceType.helpers.recomputeFrom" />
      <RecomputeNote recomputes={recomputes} date={form.recomputeFrom || today()} />
    </>
  );
};

/**
 * Base type only for FROM_PRICE_TYPE, adjustment for both derived kinds; the other fields
 * stay in the form while hidden, so `dropUnused` takes them out before sending.
 */
const PriceTypeInputs = () => (
  <>
    <TextInput source="code" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <BooleanInput source="vatIncluded" defaultValue />
    <EnumInput source="rounding" enumName="PriceRounding" defaultValue="KOPECK" validate={required()} />
    <EnumInput source="derivation" enumName="PriceDerivation" defaultValue="NONE" validate={required()} />
    <FormDataConsumer<{ derivation?: string; id?: string }>>
      {({ formData }) => (
        <>
          {formData.derivation === 'FROM_PRICE_TYPE' && (
            <ReferenceInput source="basePriceTypeId" reference="PriceType" sort={{ field: 'code', order: 'ASC' }} filter={{ active: true }}>
              <AutocompleteInput optionText={typeLabel} validate={required()} />
            </ReferenceInput>
          )}
          {formData.derivation && formData.derivation !== 'NONE' && (
            <TextInput source="adjustmentPercent" validate={required()} parse={parseDecimal} helperText="resources.PriceType.helpers.adjustmentPercent" />
          )}
        </>
      )}
    </FormDataConsumer>
    <BooleanInput source="isDefault" defaultValue={false} />
    <BooleanInput source="active" defaultValue />
    <FormDataConsumer<PriceTypeFacts & { recomputeFrom?: string | null }>>{({ formData }) => <RecomputeFrom form={formData} />}</FormDataConsumer>
  </>
);

/** Hidden inputs keep their values: a base type is sent only for FROM_PRICE_TYPE, an adjustment only for derived types. */
const dropUnused = (data: Record<string, unknown>) => ({
  ...data,
  recomputeFrom: data.recomputeFrom || undefined,
  basePriceTypeId: data.derivation === 'FROM_PRICE_TYPE' ? data.basePriceTypeId : undefined,
  adjustmentPercent: data.derivation !== 'NONE' ? data.adjustmentPercent : undefined,
});

const filters = [
  <EnumInput key="derivation" source="derivation" enumName="PriceDerivation" />,
  <ReferenceInput key="basePriceTypeId" source="basePriceTypeId" reference="PriceType" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText={typeLabel} />
  </ReferenceInput>,
  <BooleanInput key="active" source="active" />,
];

const columns: Column[] = [
  { source: 'code' },
  { source: 'name' },
  { source: 'vatIncluded', kind: 'boolean' },
  { source: 'rounding', kind: 'enum', enumName: 'PriceRounding' },
  { source: 'derivation', kind: 'enum', enumName: 'PriceDerivation' },
  { source: 'basePriceType.code', label: 'resources.PriceType.fields.basePriceType' },
  { source: 'adjustmentPercent', kind: 'decimal' },
  { source: 'isDefault', kind: 'boolean' },
  { source: 'active', kind: 'boolean' },
];

export const list = () => (
  <ResourceList columns={columns} filters={filters} sort={{ field: 'code', order: 'ASC' }} rowClick="edit" createPermission="priceType:create" bulkActions={useBulkDelete('priceType')} />
);
export const create = simpleCreate(PriceTypeInputs, { transform: dropUnused });
const EditActions = () => (
  <TopToolbar>
    <RecomputeButton />
    <PrintMenu type="PriceType" />
  </TopToolbar>
);

export const edit = simpleEdit(PriceTypeInputs, permissionToolbar('priceType'), { transform: dropUnused, actions: <EditActions /> });
