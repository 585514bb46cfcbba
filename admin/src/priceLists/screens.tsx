import { AutocompleteInput, ReferenceInput } from 'react-admin';
import { documentForms } from '../shared/documents/DocumentForm';
import { documentFilters, DocumentList } from '../shared/documents/DocumentList';
import { EnumInput } from '../shared/enums';
import { ImportCsvButton, RepriceGroupButton } from './PriceListDialogs';
import { PriceListComment, usePriceListComment } from './PriceListComment';
import { PriceListInputs } from './PriceListInputs';

export { PriceListShow as show } from './PriceListShow';

const filters = documentFilters({
  shown: [
    <ReferenceInput key="priceTypeId" source="priceTypeId" reference="PriceType" sort={{ field: 'code', order: 'ASC' }} alwaysOn>
      <AutocompleteInput optionText="code" />
    </ReferenceInput>,
  ],
  more: [
    <EnumInput key="source" source="source" enumName="PriceListSource" />,
    <ReferenceInput key="productId" source="productId" reference="Product" sort={{ field: 'sku', order: 'ASC' }}>
      <AutocompleteInput optionText={(p: { sku: string; name: string }) => `${p.sku} ${p.name}`} />
    </ReferenceInput>,
  ],
});

/** Price lists, newest first; a row opens the list with its lines and, once posted, its register rows. */
export const list = () => {
  const comment = usePriceListComment();
  return (
    <DocumentList
      type="PriceList"
      filters={filters}
      actions={
        <>
          <ImportCsvButton />
          <RepriceGroupButton />
        </>
      }
      columns={[
        { source: 'priceType.code', label: 'resources.PriceList.fields.priceType' },
        { source: 'source', kind: 'enum', enumName: 'PriceListSource' },
        { source: 'group.name', label: 'resources.PriceList.fields.group' },
      ]}
      comment={{ source: 'comment', kind: 'custom', sortable: true, render: () => <PriceListComment />, text: (r) => comment(r) }}
    />
  );
};

export const { create, edit } = documentForms('PriceList', PriceListInputs);
