import { BarChart } from '@mui/x-charts/BarChart';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { Figure, TileCard } from '../dashboard/TileCard';
import { useDecimalFormat, useMoneyFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';

/** Stock value by warehouse now, at FIFO cost, and the total; quantities for those who may not see cost. */
const StockValueTile = () => {
  const translate = useTranslate();
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const seesCost = useCan()('cost:read');
  const { data } = useQuery({ queryKey: ['dashboard', 'stockValuation'], queryFn: () => api().StockValuation({ filter: {} }) });
  const warehouses = data?.stockValuation.warehouses ?? [];
  const figure = (v: { value?: string | null; quantity: string }) => (seesCost ? Number(v.value ?? 0) : Number(v.quantity));
  return (
    <TileCard title={seesCost ? 'tradebook.dashboard.stockValue' : 'tradebook.dashboard.stockQuantity'} testId="tile-stock-value">
      {data && (
        <Figure
          value={seesCost ? money(data.stockValuation.total.value) : decimal(data.stockValuation.total.quantity)}
          label={translate('tradebook.dashboard.inWarehouses', { smart_count: warehouses.length })}
          testId="stock-value-total"
        />
      )}
      {warehouses.length > 0 && (
        <BarChart
          height={Math.max(160, 48 * warehouses.length)}
          layout="horizontal"
          yAxis={[{ scaleType: 'band', data: warehouses.map((w) => w.warehouse.name), width: 140 }]}
          series={[{ data: warehouses.map(figure), valueFormatter: (v) => (v === null ? '' : seesCost ? money(v) : decimal(v)) }]}
          xAxis={[{ valueFormatter: (v: number) => (seesCost ? money(v) : decimal(v)) }]}
          hideLegend
        />
      )}
    </TileCard>
  );
};

export default StockValueTile;
