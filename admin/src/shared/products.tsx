import { AutocompleteInput, ReferenceField, ReferenceInput, required, TextField } from 'react-admin';

/** How a product is named wherever one is picked or mentioned: "SKU name". */
export const productLabel = (p: { sku: string; name: string }) => `${p.sku} ${p.name}`;

/** The product of a line: an autocomplete over active products showing "SKU name". */
export const ProductLineInput = ({ label = 'resources.PriceList.fields.product' }: { label?: string }) => (
  <ReferenceInput source="productId" reference="Product" sort={{ field: 'sku', order: 'ASC' }} filter={{ active: true }}>
    <AutocompleteInput optionText={productLabel} label={label} validate={required()} sx={{ minWidth: 360 }} />
  </ReferenceInput>
);

/** The SKU of a line's product (`productId`, or deeper: `goodsReceiptLine.product.id`), in a datagrid column. */
export const ProductSku = ({ source = 'productId' }: { source?: string; label?: string }) => (
  <ReferenceField source={source} reference="Product" link={false}>
    <TextField source="sku" />
  </ReferenceField>
);

/** The name of a line's product (`productId`, or deeper), in a datagrid column. */
export const ProductName = ({ source = 'productId' }: { source?: string; label?: string }) => (
  <ReferenceField source={source} reference="Product" link={false}>
    <TextField source="name" />
  </ReferenceField>
);
