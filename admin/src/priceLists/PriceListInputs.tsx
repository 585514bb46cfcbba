import { AutocompleteInput, ReferenceInput, required } from 'react-admin';
import { DocumentDraftInputs } from '../shared/documents/DocumentForm';

/** Head and lines of a draft: the lines in the grid, product and price; the server's errors land on `lines.N.price` / `lines.N.productId`. */
export const PriceListInputs = () => (
  <DocumentDraftInputs grid={{ quantity: false, price: 'price' }}>
    <ReferenceInput source="priceTypeId" reference="PriceType" filter={{ derivation: 'NONE', active: true }} sort={{ field: 'code', order: 'ASC' }}>
      <AutocompleteInput validate={required()} sx={{ minWidth: 280 }} />
    </ReferenceInput>
    <ReferenceInput source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
      <AutocompleteInput optionText="path" sx={{ minWidth: 240 }} />
    </ReferenceInput>
  </DocumentDraftInputs>
);
