import { BooleanInput, useListContext, useTranslate } from 'react-admin';
import { DocumentLink } from '../shared/documents/DocumentLink';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { ProductFilterInput, WarehouseFilterInput } from '../shared/ReportFilters';

interface LotRow {
  recorderType: string;
  recorderId: string;
  recorderLine: number;
}

const columns: Column<LotRow>[] = [
  { source: 'date', kind: 'day' },
  {
    source: 'recorderType',
    label: 'resources.StockLot.fields.recorderType',
    kind: 'custom',
    sortable: true,
    render: (lot) => <DocumentLink type={lot.recorderType} id={lot.recorderId} line={lot.recorderLine} />,
    text: (lot, w) => `${w.translate(`resources.${lot.recorderType}.name`, { smart_count: 1, _: lot.recorderType })}, ${w.translate('tradebook.documents.lineShort', { number: lot.recorderLine })}`,
  },
  { source: 'qtyIn', kind: 'decimal' },
  { source: 'qtyRemaining', kind: 'decimal' },
  { source: 'unitCost', kind: 'money', needs: 'cost:read' },
  { source: 'valueRemaining', kind: 'money', needs: 'cost:read' },
];

const filters = [<ProductFilterInput key="productId" source="productId" alwaysOn />, <WarehouseFilterInput key="warehouseId" source="warehouseId" alwaysOn />, <BooleanInput key="onlyOpen" source="onlyOpen" alwaysOn />];

/** What the table says before a product and a warehouse are chosen. */
const ChooseFirst = () => {
  const translate = useTranslate();
  const { filterValues } = useListContext();
  return <p style={{ padding: 16 }}>{translate(filterValues.productId && filterValues.warehouseId ? 'ra.navigation.no_results' : 'tradebook.stock.chooseProductAndWarehouse')}</p>;
};

/** FIFO lots of a product in a warehouse, oldest first, each naming and linking the document that made it; cost and value only with cost:read. */
export const list = () => <ResourceList columns={columns} filters={filters} search={false} sort={{ field: 'date', order: 'ASC' }} className="stock-lots" empty={false} tableEmpty={<ChooseFirst />} />;
