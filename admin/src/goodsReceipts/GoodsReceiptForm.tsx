import { useEffect } from 'react';
import {
  ArrayInput, AutocompleteInput, Create, DateInput, Edit, ReferenceInput, SelectInput, SimpleForm, SimpleFormIterator, TextInput, required, useRecordContext, useRedirect,
} from 'react-admin';
import { parseDecimal, ProductLineInput } from '../priceLists/PriceListForm';
import { today } from '../shared/fields';
import { permissionToolbar } from '../shared/forms';

const field = (name: string) => `resources.GoodsReceipt.fields.${name}`;

/** The rates the API accepts; empty takes the product's rate. */
const VAT_CHOICES = ['0', '10', '22'].map((rate) => ({ id: rate, name: `${rate} %` }));

/** Head and lines of a draft; the server's errors land on `lines.N.quantity` / `lines.N.productId`… */
const GoodsReceiptInputs = () => (
  <>
    <DateInput source="date" validate={required()} />
    <ReferenceInput source="warehouseId" reference="Warehouse" filter={{ active: true }} sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
    <ReferenceInput source="supplierId" reference="Counterparty" filter={{ role: 'SUPPLIER', active: true }} sort={{ field: 'name', order: 'ASC' }}>
      <AutocompleteInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="comment" multiline fullWidth />
    <ArrayInput source="lines">
      <SimpleFormIterator inline>
        <ProductLineInput label={field('product')} />
        <TextInput source="quantity" label={field('quantity')} validate={required()} parse={parseDecimal} />
        <TextInput source="unitCost" label={field('unitCost')} validate={required()} parse={parseDecimal} />
        <SelectInput source="vatRate" label={field('vatRate')} choices={VAT_CHOICES} emptyText={field('productVatRate')} />
      </SimpleFormIterator>
    </ArrayInput>
  </>
);

/** Only a draft is edited: a posted or cancelled receipt opens its read-only show view instead. */
const DraftsOnly = () => {
  const record = useRecordContext<{ id: string; status: string }>();
  const redirect = useRedirect();
  useEffect(() => {
    if (record && record.status !== 'DRAFT') redirect('show', 'GoodsReceipt', record.id);
  }, [record, redirect]);
  return null;
};

/** Decimals come back from the API as "22"; the select's choices are the same strings. */
const normalize = (data: Record<string, unknown>) => ({
  ...data,
  lines: ((data.lines as Record<string, unknown>[] | undefined) ?? []).map((line) => ({ ...line, vatRate: line.vatRate === '' ? null : line.vatRate })),
});

export const GoodsReceiptCreate = () => (
  <Create redirect="show" transform={normalize}>
    <SimpleForm defaultValues={{ date: today(), lines: [] }}>
      <GoodsReceiptInputs />
    </SimpleForm>
  </Create>
);

export const GoodsReceiptEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={normalize}>
    <SimpleForm toolbar={permissionToolbar('stockDocument')}>
      <DraftsOnly />
      <GoodsReceiptInputs />
    </SimpleForm>
  </Edit>
);
