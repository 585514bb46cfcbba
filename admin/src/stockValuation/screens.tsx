import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import type { StockValuationQuery } from '@tradebook/client';
import { DayInput } from '../shared/dates';
import { useDayFormat, useDecimalFormat, useMoneyFormat } from '../shared/fields';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { useCan } from '../shared/permissions';
import { GroupFilterInput, WarehouseFilterInput } from '../shared/ReportFilters';

type Valuation = StockValuationQuery['stockValuation'];

const GroupPath = ({ path }: { path?: string | null }) => {
  const translate = useTranslate();
  return <>{path ?? translate('resources.StockValuation.fields.noGroup')}</>;
};

const columns: Column<Valuation['rows'][number]>[] = [
  { source: 'warehouse.name', label: 'resources.StockValuation.fields.warehouse' },
  {
    source: 'groupPath',
    label: 'resources.StockValuation.fields.group',
    kind: 'custom',
    sortable: true,
    render: (row) => <GroupPath path={row.groupPath} />,
    text: (row, w) => row.groupPath ?? w.translate('resources.StockValuation.fields.noGroup'),
  },
  { source: 'quantity', kind: 'decimal' },
  { source: 'value', kind: 'money', needs: 'cost:read' },
];

const filters = [<WarehouseFilterInput key="warehouseId" source="warehouseId" alwaysOn />, <GroupFilterInput key="groupId" source="groupId" alwaysOn />, <DayInput key="asOf" source="asOf" alwaysOn />];

/** Each warehouse's total and the grand total, under the rows: as of when, quantities, and values for cost:read. */
const Totals = () => {
  const { meta } = useListContext() as { meta?: { asOf: string | null; warehouses: Valuation['warehouses']; total: Valuation['total'] } };
  const translate = useTranslate();
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  const seesCost = useCan()('cost:read');
  if (!meta) return null;
  const t = (name: string, options?: object) => translate(`resources.StockValuation.fields.${name}`, options);
  return (
    <>
      <Typography variant="subtitle2" color="text.secondary" data-testid="valuation-as-of" sx={{ px: 2, pt: 2 }}>
        {meta.asOf ? t('atEndOf', { date: day(meta.asOf) }) : t('now')}
      </Typography>
      <Table size="small" sx={{ maxWidth: 640, '& td': { fontWeight: 600 } }} className="stock-valuation-totals" aria-label={t('total')}>
        <TableBody>
          {meta.warehouses.map((total) => (
            <TableRow key={total.warehouse.id}>
              <TableCell>{t('warehouseTotal', { warehouse: total.warehouse.name })}</TableCell>
              <TableCell align="right">{decimal(total.quantity)}</TableCell>
              {seesCost && <TableCell align="right">{money(total.value)}</TableCell>}
            </TableRow>
          ))}
          <TableRow>
            <TableCell>{t('total')}</TableCell>
            <TableCell align="right">{decimal(meta.total.quantity)}</TableCell>
            {seesCost && <TableCell align="right">{money(meta.total.value)}</TableCell>}
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
};

/**
 * The stock's value at FIFO purchase prices (landed costs included) by warehouse × product
 * group, now or at the end of a day; the warehouse totals and the grand total under the rows.
 * Quantities for every stock reader; values only with cost:read.
 */
export const list = () => (
  <ResourceList columns={columns} filters={filters} search={false} sort={{ field: 'warehouse.name', order: 'ASC' }} perPage={100} className="stock-valuation" empty={false}>
    <Totals />
  </ResourceList>
);
