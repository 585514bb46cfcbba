import InventoryIcon from '@mui/icons-material/Inventory';
import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TablePagination, TableRow } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { AutocompleteInput, BooleanInput, DateInput, Form, Loading, ReferenceInput, ResourceContextProvider, Title, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import type { StockBalanceFilter } from '../../../schema/client';
import { api } from '../providers/session';
import { errorMessage } from '../shared/errors';
import { useDecimalFormat, useMoneyFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';

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

/** Hands every change of the filter form to the table at once (no Apply button). */
const FilterWatcher = ({ onChange }: { onChange: (values: FilterValues) => void }) => {
  const values = useWatch() as FilterValues;
  const key = JSON.stringify(toFilter(values));
  useEffect(() => onChange(JSON.parse(key) as FilterValues), [key, onChange]);
  return null;
};

export const StockFilters = ({ onChange, defaultValues }: { onChange: (values: FilterValues) => void; defaultValues: FilterValues }) => (
  <Form defaultValues={defaultValues}>
    <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
      <ReferenceInput source="warehouseId" reference="Warehouse" sort={{ field: 'code', order: 'ASC' }}>
        <AutocompleteInput optionText="name" sx={{ width: 240 }} />
      </ReferenceInput>
      <ReferenceInput source="productId" reference="Product" sort={{ field: 'sku', order: 'ASC' }}>
        <AutocompleteInput optionText={(p: { sku: string; name: string }) => `${p.sku} ${p.name}`} sx={{ width: 320 }} />
      </ReferenceInput>
      <ReferenceInput source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
        <AutocompleteInput optionText="path" sx={{ width: 240 }} />
      </ReferenceInput>
      <BooleanInput source="onlyNonZero" />
      <DateInput source="asOf" fullWidth={false} />
    </Box>
    <FilterWatcher onChange={onChange} />
  </Form>
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
  const [filter, setFilter] = useState<FilterValues>({ onlyNonZero: true });
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const onFilter = (values: FilterValues) => {
    setFilter(values);
    setPage(0);
  };
  const { data, isPending, error } = useQuery({
    queryKey: ['stockBalances', filter, page, perPage],
    queryFn: () => api().StockBalanceRows({ filter: toFilter(filter), page: page + 1, perPage }),
    placeholderData: keepPreviousData,
  });
  const t = (name: string) => translate(`resources.StockBalance.fields.${name}`);
  return (
    <ResourceContextProvider value="StockBalance">
      <Title title={translate('tradebook.stock.balancesTitle')} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <StockFilters onChange={useStableCallback(onFilter)} defaultValues={{ onlyNonZero: true }} />
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

/** The same function on every render, so the filter watcher's effect does not loop. */
function useStableCallback<T extends (...args: never[]) => void>(fn: T): T {
  const [ref] = useState<{ current: T }>(() => ({ current: fn }));
  ref.current = fn;
  const [stable] = useState(() => ((...args: never[]) => ref.current(...args)) as T);
  return stable;
}

/** A screen, not a record type: only `list`, like the price check. */
export default {
  name: 'StockBalance',
  list: StockBalances,
  icon: InventoryIcon,
  permissions: { read: 'stock:read' },
};
