import { ArrayInput, AutocompleteInput, DateInput, ReferenceInput, SimpleFormIterator, TextInput, required } from 'react-admin';
import { parseDecimal } from '../shared/forms';
import { ProductLineInput } from '../shared/products';

/** Head and lines of a draft; the server's errors land on `lines.N.price` / `lines.N.productId`. */
export const PriceListInputs = () => (
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
