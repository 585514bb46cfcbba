import { AutocompleteInput, ReferenceInput, TextField } from 'react-admin';
import { documentFilters, DocumentList } from '../shared/documents/DocumentList';
import { EnumField, EnumInput } from '../shared/enums';
import { ImportCsvButton, RepriceGroupButton } from './PriceListDialogs';

const filters = documentFilters({
  shown: [
    <ReferenceInput key="priceTypeId" source="priceTypeId" reference="PriceType" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
      <AutocompleteInput optionText="code" />
    </ReferenceInput>,
  ],
  more: [<EnumInput key="source" source="source" enumName="PriceListSource" />],
});

/** Price lists, newest first; a row opens the list with its lines and, once posted, its register rows. */
export const PriceListList = () => (
  <DocumentList type="PriceList" filters={filters} actions={<><ImportCsvButton /><RepriceGroupButton /></>}>
    <TextField source="priceType.code" label="resources.PriceList.fields.priceType" sortable={false} />
    <EnumField source="source" enumName="PriceListSource" />
    <TextField source="group.name" label="resources.PriceList.fields.group" sortable={false} />
  </DocumentList>
);
