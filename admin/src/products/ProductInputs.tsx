import { AutocompleteInput, BooleanInput, ReferenceInput, SelectInput, TextInput, required } from 'react-admin';
import { EnumInput } from '../shared/enums';

const VAT_CHOICES = [
  { id: '22', name: '22 %' },
  { id: '10', name: '10 %' },
  { id: '0', name: '0 %' },
];

/** The fields Create and Edit share; the server's field errors land on them by name. */
export const ProductInputs = () => (
  <>
    <TextInput source="sku" validate={required()} />
    <TextInput source="name" validate={required()} fullWidth />
    <EnumInput source="kind" enumName="ProductKind" defaultValue="GOODS" />
    <ReferenceInput source="unitId" reference="Unit" sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput optionText={(u: { code: string; name: string }) => `${u.code} — ${u.name}`} validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
      <AutocompleteInput optionText="path" />
    </ReferenceInput>
    <SelectInput source="vatRate" choices={VAT_CHOICES} defaultValue="22" />
    <TextInput source="barcode" />
    <TextInput source="weight" />
    <TextInput source="description" multiline fullWidth />
    <BooleanInput source="active" defaultValue />
  </>
);
