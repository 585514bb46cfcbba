import InventoryIcon from '@mui/icons-material/Inventory';
import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TablePagination, TableRow } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { BooleanInput, DateInput, Loading, ResourceContextProvider, Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { StockBalanceFilter } from '../../../schema/client';
import { api } from '../providers/session';
import { errorMessage } from '../shared/errors';
import { useDecimalFormat, useMoneyFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { GroupFilterInput, ProductFilterInput, ReportFilters, WarehouseFilterInput } from '../shared/ReportFilters';

interface FilterValues {
  warehouseId?: string | null;
  productId?: string | null;
  groupId?: string | null;
  onlyNonZero?: boolean;
  asOf?: string | null;
}

const toFilter = (v: FilterValues): StockBalanceFilter => ({
  warehouseId: v.warehouseId || null,
  productId: v.productId || null,
  groupId: v.groupId || null,
  onlyNonZero: !!v.onlyNonZero,
  asOf: v.asOf || null,
});

const StockFilters = ({ onChange, defaultValues }: { onChange: (values: StockBalanceFilter) => void; defaultValues: FilterValues }) => (
  <ReportFilters defaultValues={{ ...defaultValues }} normalize={toFilter} onChange={onChange}>
    <WarehouseFilterInput />
    <ProductFilterInput />
    <GroupFilterInput />
    <BooleanInput source="onlyNonZero" />
    <DateInput source="asOf" fullWidth={false} />
  </ReportFilters>
);

/**
 * Stock balances per warehouse × product through the SDK (`stockBalances`): on hand, reserved,
 * available and, for users with cost:read, the average unit cost and the value. A row opens its lots.
 */
const StockBalances = () => {
  const translate = useTranslate();
  const can = useCan();
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const seesCost = can('cost:read');
  const [filter, setFilter] = useState<StockBalanceFilter>({ onlyNonZero: true });
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const onFilter = (values: StockBalanceFilter) => {
    setFilter(values);
    setPage(0);
  };
  const { data, isPending, error } = useQuery({
    queryKey: ['stockBalances', filter, page, perPage],
    queryFn: () => api().StockBalanceRows({ filter, page: page + 1, perPage }),
    placeholderData: keepPreviousData,
  });
  const t = (name: string) => translate(`resources.StockBalance.fields.${name}`);
  return (
    <ResourceContextProvider value="StockBalance">
      <Title title={translate('tradebook.stock.balancesTitle')} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <StockFilters onChange={onFilter} defaultValues={{ onlyNonZero: true }} />
          {isPending ? (
            <Loading />
          ) : error || !data ? (
            <p>{errorMessage(error)}</p>
          ) : (
            <>
              <Table size="small" aria-label={translate('tradebook.stock.balancesTitle')} className="stock-balances">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('warehouse')}</TableCell>
                    <TableCell>{t('sku')}</TableCell>
                    <TableCell>{t('productName')}</TableCell>
                    <TableCell align="right">{t('onHand')}</TableCell>
                    <TableCell align="right">{t('reserved')}</TableCell>
                    <TableCell align="right">{t('available')}</TableCell>
                    {seesCost && <TableCell align="right">{t('averageUnitCost')}</TableCell>}
                    {seesCost && <TableCell align="right">{t('cost')}</TableCell>}
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.stockBalances.items.map((row) => (
                    <TableRow key={`${row.warehouse.id}:${row.product.id}`} data-testid={`balance-${row.product.sku}`}>
                      <TableCell>{row.warehouse.name}</TableCell>
                      <TableCell>{row.product.sku}</TableCell>
                      <TableCell>{row.product.name}</TableCell>
                      <TableCell align="right" data-testid="onHand">{decimal(row.onHand)}</TableCell>
                      <TableCell align="right">{decimal(row.reserved)}</TableCell>
                      <TableCell align="right">{decimal(row.available)}</TableCell>
                      {seesCost && <TableCell align="right">{money(row.averageUnitCost)}</TableCell>}
                      {seesCost && <TableCell align="right" data-testid="cost">{money(row.cost)}</TableCell>}
                      <TableCell>
                        <Link to={`/StockLot?productId=${row.product.id}&warehouseId=${row.warehouse.id}`}>{translate('tradebook.stock.lotsLink')}</Link>
                      </TableCell>
                    </TableRow>
                  ))}
                  {!data.stockBalances.items.length && (
                    <TableRow>
                      <TableCell colSpan={9}>{translate('ra.navigation.no_results')}</TableCell>
                    </TableRow>
                  )}
                </TableBody>
              </Table>
              <TablePagination
                component="div"
                count={data.stockBalances.total}
                page={page}
                rowsPerPage={perPage}
                rowsPerPageOptions={[25, 50, 100, 500]}
                onPageChange={(_, next) => setPage(next)}
                onRowsPerPageChange={(event) => {
                  setPerPage(Number(event.target.value));
                  setPage(0);
                }}
              />
            </>
          )}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

/** A screen, not a record type: only `list`, like the price check. */
export default {
  name: 'StockBalance',
  list: StockBalances,
  icon: InventoryIcon,
  permissions: { read: 'stock:read' },
};
