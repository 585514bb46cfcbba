import { AutocompleteInput, ReferenceInput } from 'react-admin';
import { productLabel } from './products';

/** A filter input of a report: react-admin's filter form reads its `source` and `alwaysOn`. */
interface FilterProps {
  source?: string;
  alwaysOn?: boolean;
}

/** A report's warehouse, by name. */
export const WarehouseFilterInput = ({ source = 'warehouseId' }: FilterProps) => (
  <ReferenceInput source={source} reference="Warehouse" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText="name" sx={{ width: 240 }} />
  </ReferenceInput>
);

/** A report's product, as "SKU name". */
export const ProductFilterInput = ({ source = 'productId' }: FilterProps) => (
  <ReferenceInput source={source} reference="Product" sort={{ field: 'sku', order: 'ASC' }}>
    <AutocompleteInput optionText={productLabel} sx={{ width: 320 }} />
  </ReferenceInput>
);

/** A report's product group, by its path ("Tools / Drills"); it takes in the groups below it. */
export const GroupFilterInput = ({ source = 'groupId' }: FilterProps) => (
  <ReferenceInput source={source} reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
    <AutocompleteInput optionText="path" sx={{ width: 240 }} />
  </ReferenceInput>
);
