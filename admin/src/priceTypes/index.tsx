import SellIcon from '@mui/icons-material/Sell';
import {
  AutocompleteInput, BooleanField, BooleanInput, CreateButton, Datagrid, ExportButton, FormDataConsumer, List, ReferenceInput, SearchInput, TextField, TextInput, TopToolbar, required,
} from 'react-admin';
import { EnumField, EnumInput } from '../shared/enums';
import { DecimalField } from '../shared/fields';
import { permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { useCan } from '../shared/permissions';

interface PriceTypeRecord {
  id: string;
  code: string;
  name: string;
  derivation?: string;
}

const typeLabel = (t: PriceTypeRecord) => `${t.code} — ${t.name}`;

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
          {formData.derivation && formData.derivation !== 'NONE' && <TextInput source="adjustmentPercent" validate={required()} helperText="resources.PriceType.helpers.adjustmentPercent" />}
        </>
      )}
    </FormDataConsumer>
    <BooleanInput source="isDefault" defaultValue={false} />
    <BooleanInput source="active" defaultValue />
  </>
);

/** Hidden inputs keep their values: a base type is sent only for FROM_PRICE_TYPE, an adjustment only for derived types. */
const dropUnused = (data: Record<string, unknown>) => ({
  ...data,
  basePriceTypeId: data.derivation === 'FROM_PRICE_TYPE' ? data.basePriceTypeId : undefined,
  adjustmentPercent: data.derivation !== 'NONE' ? data.adjustmentPercent : undefined,
});

const filters = [<SearchInput key="q" source="q" alwaysOn />, <EnumInput key="derivation" source="derivation" enumName="PriceDerivation" />, <BooleanInput key="active" source="active" />];

const ListActions = () => {
  const can = useCan();
  return (
    <TopToolbar>
      {can('priceType:create') && <CreateButton />}
      <ExportButton />
    </TopToolbar>
  );
};

const PriceTypeList = () => (
  <List filters={filters} actions={<ListActions />} sort={{ field: 'code', order: 'ASC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="code" />
      <TextField source="name" />
      <BooleanField source="vatIncluded" sortable={false} />
      <EnumField source="rounding" enumName="PriceRounding" sortable={false} />
      <EnumField source="derivation" enumName="PriceDerivation" />
      <TextField source="basePriceType.code" label="resources.PriceType.fields.basePriceType" sortable={false} />
      <DecimalField source="adjustmentPercent" sortable={false} />
      <BooleanField source="isDefault" sortable={false} />
      <BooleanField source="active" sortable={false} />
    </Datagrid>
  </List>
);

export default {
  name: 'PriceType',
  list: PriceTypeList,
  create: simpleCreate(PriceTypeInputs, { transform: dropUnused }),
  edit: simpleEdit(PriceTypeInputs, permissionToolbar('priceType'), { transform: dropUnused }),
  icon: SellIcon,
  recordRepresentation: (record: PriceTypeRecord) => typeLabel(record),
  permissions: { read: 'priceType:read', create: 'priceType:create', edit: 'priceType:update' },
};
