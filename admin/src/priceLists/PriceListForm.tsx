import { useEffect } from 'react';
import {
  ArrayInput, AutocompleteInput, Create, DateInput, Edit, ReferenceInput, SimpleForm, SimpleFormIterator, TextInput, required, useRecordContext, useRedirect,
} from 'react-admin';
import { today } from '../shared/fields';
import { permissionToolbar } from '../shared/forms';

export const productLabel = (p: { sku: string; name: string }) => `${p.sku} ${p.name}`;

/** "1 250,50" typed the Russian way is sent as "1250.50": prices are exact decimals. */
export const parseDecimal = (value: string) => (value === '' ? null : value.replace(/\s/g, '').replace(',', '.'));

/** The products of a line: an autocomplete over Product showing "SKU name". */
export const ProductLineInput = ({ label = 'resources.PriceList.fields.product' }: { label?: string }) => (
  <ReferenceInput source="productId" reference="Product" sort={{ field: 'sku', order: 'ASC' }} filter={{ active: true }}>
    <AutocompleteInput optionText={productLabel} label={label} validate={required()} sx={{ minWidth: 360 }} />
  </ReferenceInput>
);

/** Head and lines of a draft; the server's errors land on `lines.N.price` / `lines.N.productId`. */
const PriceListInputs = () => (
  <>
    <ReferenceInput source="priceTypeId" reference="PriceType" filter={{ derivation: 'NONE', active: true }} sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput validate={required()} />
    </ReferenceInput>
    <DateInput source="date" validate={required()} />
    <ReferenceInput source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
      <AutocompleteInput optionText="path" />
    </ReferenceInput>
    <TextInput source="comment" multiline fullWidth />
    <ArrayInput source="lines">
      <SimpleFormIterator inline>
        <ProductLineInput />
        <TextInput source="price" label="resources.PriceList.fields.price" validate={required()} parse={parseDecimal} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

/** Only a draft is edited: a posted or cancelled list opens its read-only show view instead. */
const DraftsOnly = () => {
  const record = useRecordContext<{ id: string; status: string }>();
  const redirect = useRedirect();
  useEffect(() => {
    if (record && record.status !== 'DRAFT') redirect('show', 'PriceList', record.id);
  }, [record, redirect]);
  return null;
};

export const PriceListCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ date: today(), lines: [] }}>
      <PriceListInputs />
    </SimpleForm>
  </Create>
);

export const PriceListEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm toolbar={permissionToolbar('priceList')}>
      <DraftsOnly />
      <PriceListInputs />
    </SimpleForm>
  </Edit>
);
