import { ArrayInput, AutocompleteInput, BooleanInput, FormDataConsumer, NumberInput, ReferenceInput, SimpleFormIterator, TextInput, required } from 'react-admin';
import { DayInput } from '../shared/dates';
import { EnumInput } from '../shared/enums';
import { today } from '../shared/fields';
import { parseDecimal, permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { useBulkDelete } from '../shared/lists/bulk';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

type Kind = 'ORDER_AMOUNT_TIER' | 'PURCHASE_HISTORY' | 'QUANTITY_BREAK' | 'CLIENT_SEGMENT' | 'PRODUCT_GROUP' | 'PROMO_CODE';

/** The fields each kind uses (discount-rule.conditions.ts on the server): the others are not sent. */
const FIELDS_OF_KIND: Record<Kind, string[]> = {
  ORDER_AMOUNT_TIER: ['tiers'],
  PURCHASE_HISTORY: ['days', 'tiers'],
  QUANTITY_BREAK: ['breaks'],
  CLIENT_SEGMENT: ['segmentId', 'percent'],
  PRODUCT_GROUP: ['groupId', 'percent'],
  PROMO_CODE: ['promoCode', 'percent'],
};
const KIND_FIELDS = ['tiers', 'breaks', 'days', 'segmentId', 'groupId', 'promoCode', 'percent'];

/** Hidden inputs keep their values when the kind changes: only the chosen kind's fields go to the server. */
const dropUnused = (data: Record<string, unknown>) => {
  const used = FIELDS_OF_KIND[data.kind as Kind] ?? [];
  return { ...data, ...Object.fromEntries(KIND_FIELDS.filter((f) => !used.includes(f)).map((f) => [f, undefined])) };
};

const label = (field: string) => `resources.DiscountRule.fields.${field}`;

const Steps = ({ source, value }: { source: 'tiers' | 'breaks'; value: 'threshold' | 'minQuantity' }) => (
  <ArrayInput source={source} validate={required()}>
    <SimpleFormIterator inline disableReordering>
      <TextInput source={value} label={label(value)} validate={required()} parse={parseDecimal} />
      <TextInput source="percent" label={label('stepPercent')} validate={required()} parse={parseDecimal} />
    </SimpleFormIterator>
  </ArrayInput>
);

const PercentInput = () => <TextInput source="percent" validate={required()} parse={parseDecimal} />;

/** The inputs of the chosen kind: tiers, breaks, days, a group, a segment or a promo code, with a percent where the kind has one. */
const KindInputs = ({ kind }: { kind?: Kind }) => {
  switch (kind) {
    case 'ORDER_AMOUNT_TIER':
      return <Steps source="tiers" value="threshold" />;
    case 'PURCHASE_HISTORY':
      return (
        <>
          <NumberInput source="days" min={1} step={1} validate={required()} />
          <Steps source="tiers" value="threshold" />
        </>
      );
    case 'QUANTITY_BREAK':
      return <Steps source="breaks" value="minQuantity" />;
    case 'CLIENT_SEGMENT':
      return (
        <>
          <TextInput source="segmentId" validate={required()} helperText="resources.DiscountRule.helpers.segmentId" />
          <PercentInput />
        </>
      );
    case 'PRODUCT_GROUP':
      return (
        <>
          <ReferenceInput source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
            <AutocompleteInput optionText="path" validate={required()} />
          </ReferenceInput>
          <PercentInput />
        </>
      );
    case 'PROMO_CODE':
      return (
        <>
          <TextInput source="promoCode" validate={required()} />
          <PercentInput />
        </>
      );
    default:
      return null;
  }
};

const DiscountRuleInputs = () => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <EnumInput source="kind" enumName="DiscountRuleKind" defaultValue="ORDER_AMOUNT_TIER" validate={required()} />
    <FormDataConsumer<{ kind?: Kind }>>{({ formData }) => <KindInputs kind={formData.kind} />}</FormDataConsumer>
    <TextInput source="capPercent" parse={parseDecimal} helperText="resources.DiscountRule.helpers.capPercent" />
    <DayInput source="activeFrom" defaultValue={today()} validate={required()} />
    <DayInput source="activeTo" helperText="resources.DiscountRule.helpers.activeTo" />
    <NumberInput source="priority" defaultValue={100} min={0} step={1} validate={required()} helperText="resources.DiscountRule.helpers.priority" />
    <EnumInput source="stacking" enumName="DiscountStacking" defaultValue="COMBINABLE" validate={required()} />
    <BooleanInput source="active" defaultValue />
  </>
);

const filters = [
  <EnumInput key="kind" source="kind" enumName="DiscountRuleKind" alwaysOn />,
  <DayInput key="activeOn" source="activeOn" />,
  <BooleanInput key="active" source="active" />,
];

const columns: Column[] = [
  { source: 'name' },
  { source: 'kind', kind: 'enum', enumName: 'DiscountRuleKind' },
  { source: 'percent', kind: 'decimal' },
  { source: 'capPercent', kind: 'decimal' },
  { source: 'promoCode', sortable: false },
  { source: 'activeFrom', kind: 'day' },
  { source: 'activeTo', kind: 'day' },
  { source: 'priority', kind: 'integer' },
  { source: 'stacking', kind: 'enum', enumName: 'DiscountStacking' },
  { source: 'active', kind: 'boolean' },
];

export const list = () => (
  <ResourceList columns={columns} filters={filters} sort={{ field: 'priority', order: 'ASC' }} rowClick="edit" createPermission="discountRule:create" bulkActions={useBulkDelete('discountRule')} />
);
export const create = simpleCreate(DiscountRuleInputs, { transform: dropUnused });
export const edit = simpleEdit(DiscountRuleInputs, permissionToolbar('discountRule'), { transform: dropUnused });
