import { Link } from '@mui/material';
import { BooleanInput, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { DayInput } from '../shared/dates';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { GroupFilterInput, ProductFilterInput, WarehouseFilterInput } from '../shared/ReportFilters';
import { UnitName } from '../shared/units';

interface BalanceRow {
  warehouse: { id: string; name: string };
  product: { id: string; sku: string; name: string; unit?: { code: string; okeiCode?: string | null } | null };
}

/** The lots of a row's product in its warehouse. */
const LotsLink = ({ row }: { row: BalanceRow }) => {
  const translate = useTranslate();
  const filter = encodeURIComponent(JSON.stringify({ productId: row.product.id, warehouseId: row.warehouse.id }));
  return (
    <Link component={RouterLink} to={`/StockLot?filter=${filter}`}>
      {translate('tradebook.stock.lotsLink')}
    </Link>
  );
};

// every column but the unit and the lots link sorts through the API
const columns: Column<BalanceRow>[] = [
  { source: 'warehouse.name', label: 'resources.StockBalance.fields.warehouse' },
  { source: 'product.sku', label: 'resources.StockBalance.fields.sku' },
  { source: 'product.name', label: 'resources.StockBalance.fields.productName' },
  { source: 'product.unit.code', label: 'resources.StockBalance.fields.unit', kind: 'custom', render: (r) => <UnitName unit={r.product.unit} />, text: (r, w) => w.translate(`tradebook.units.${r.product.unit?.okeiCode ?? '-'}`, { _: r.product.unit?.code ?? '' }) },
  { source: 'onHand', kind: 'decimal' },
  { source: 'reserved', kind: 'decimal' },
  { source: 'available', kind: 'decimal' },
  { source: 'averageUnitCost', kind: 'money', needs: 'cost:read' },
  { source: 'cost', kind: 'money', needs: 'cost:read' },
  { source: 'lots', label: 'resources.StockBalance.fields.lots', kind: 'custom', render: (r) => <LotsLink row={r} />, text: () => '' },
];

const filters = [
  <WarehouseFilterInput key="warehouseId" source="warehouseId" alwaysOn />,
  <ProductFilterInput key="productId" source="productId" alwaysOn />,
  <GroupFilterInput key="groupId" source="groupId" />,
  <BooleanInput key="onlyNonZero" source="onlyNonZero" alwaysOn />,
  <DayInput key="asOf" source="asOf" alwaysOn />,
];

/** Stock per warehouse × product: on hand, reserved, available and, for cost:read, the average cost and value; a row leads to its lots. */
export const list = () => <ResourceList columns={columns} filters={filters} search={false} filterDefaultValues={{ onlyNonZero: true }} className="stock-balances" />;
