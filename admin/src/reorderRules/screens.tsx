import { TextInput, required, useRecordContext } from 'react-admin';
import { WarehouseInput } from '../shared/documents/DocumentForm';
import { parseDecimal, permissionToolbar, simpleCreate, simpleEdit } from '../shared/forms';
import { ResourceList } from '../shared/lists/ResourceList';
import { ProductLineInput } from '../shared/products';

const field = (name: string) => `resources.ReorderRule.fields.${name}`;

/** Warehouse and product are chosen once (a rule is per pair); min and max are what changes. */
const ReorderRuleInputs = ({ creating = false }: { creating?: boolean }) => {
  const record = useRecordContext<{ warehouse?: { name: string }; product?: { sku: string; name: string } }>();
  return (
    <>
      {creating ? <WarehouseInput source="warehouseId" /> : <TextInput source="warehouse.name" label={field('warehouse')} disabled />}
      {creating ? <ProductLineInput label={field('product')} /> : <TextInput source="product.sku" label={field('product')} disabled helperText={record?.product?.name} />}
      <TextInput source="minQuantity" validate={required()} parse={parseDecimal} helperText={field('minQuantityHelp')} />
      <TextInput source="maxQuantity" validate={required()} parse={parseDecimal} helperText={field('maxQuantityHelp')} />
    </>
  );
};

/** Rules per warehouse (the filter), by product: min and max. */
export const list = () => (
  <ResourceList
    columns={[
      { source: 'warehouse.code', label: field('warehouse'), sortable: true },
      { source: 'product.sku', label: field('sku'), sortable: true },
      { source: 'product.name', label: field('productName'), sortable: true },
      { source: 'minQuantity', kind: 'decimal' },
      { source: 'maxQuantity', kind: 'decimal' },
    ]}
    filters={[<WarehouseInput key="warehouseId" source="warehouseId" optional />]}
    sort={{ field: 'product.sku', order: 'ASC' }}
    rowClick="edit"
    createPermission="reorder:create"
  />
);
export const create = simpleCreate(ReorderRuleInputs);
export const edit = simpleEdit(ReorderRuleInputs, permissionToolbar('reorder'));
