import { AutocompleteInput, BooleanInput, ReferenceInput } from 'react-admin';
import { EnumInput } from '../shared/enums';
import { useBulkDelete } from '../shared/lists/bulk';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { UnitName } from '../shared/units';
import { GroupTreeFilter } from './GroupTreeFilter';

const filters = [
  <EnumInput key="kind" source="kind" enumName="ProductKind" />,
  <ReferenceInput key="groupId" source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
    <AutocompleteInput optionText="path" />
  </ReferenceInput>,
  <ReferenceInput key="unitId" source="unitId" reference="Unit" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="active" source="active" />,
];

const columns: Column[] = [
  { source: 'sku' },
  { source: 'name' },
  { source: 'kind', kind: 'enum', enumName: 'ProductKind' },
  {
    source: 'unit.code',
    label: 'resources.Product.fields.unit',
    kind: 'custom',
    sortable: true,
    render: (product) => <UnitName unit={product.unit} />,
    text: (product, w) => w.translate(`tradebook.units.${product.unit?.okeiCode ?? '-'}`, { _: product.unit?.code ?? '' }),
  },
  { source: 'group.name', label: 'resources.Product.fields.group' },
  { source: 'vatRate', kind: 'decimal' },
  { source: 'barcode', hidden: true },
  { source: 'weight', kind: 'decimal', hidden: true },
  { source: 'active', kind: 'boolean' },
];

/** Products by SKU, searched by SKU, name or barcode; a group in the tree beside lists its products and those of its subgroups. */
export const ProductList = () => (
  <ResourceList columns={columns} filters={filters} aside={<GroupTreeFilter />} sort={{ field: 'sku', order: 'ASC' }} rowClick="edit" createPermission="product:create" bulkActions={useBulkDelete('product')} />
);
