import AssessmentIcon from '@mui/icons-material/Assessment';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Fragment, useState } from 'react';
import { DateInput, Loading, ResourceContextProvider, Title, useTranslate } from 'react-admin';
import type { StockValuationFilter } from '../../../schema/client';
import { api } from '../providers/session';
import { errorMessage } from '../shared/errors';
import { useDayFormat, useDecimalFormat, useMoneyFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { GroupFilterInput, ReportFilters, WarehouseFilterInput } from '../shared/ReportFilters';

const toFilter = (v: Record<string, unknown>): StockValuationFilter => ({
  warehouseId: (v.warehouseId as string) || null,
  groupId: (v.groupId as string) || null,
  asOf: (v.asOf as string) || null,
});

const TOTAL = { '& td': { fontWeight: 600 } };

/**
 * The stock's value at FIFO purchase prices (landed costs included) by warehouse × product
 * group, each warehouse's total under its groups and the grand total last (`stockValuation`),
 * now or at the end of a day. Quantities for every stock reader; values only with cost:read.
 */
const StockValuation = () => {
  const translate = useTranslate();
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  const seesCost = useCan()('cost:read');
  const [filter, setFilter] = useState<StockValuationFilter>(toFilter({}));
  const { data, isPending, error } = useQuery({
    queryKey: ['stockValuation', filter],
    queryFn: () => api().StockValuation({ filter }),
    placeholderData: keepPreviousData,
  });
  const t = (name: string, options?: object) => translate(`resources.StockValuation.fields.${name}`, options);
  const title = translate('tradebook.stock.valuationTitle');
  return (
    <ResourceContextProvider value="StockValuation">
      <Title title={title} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <ReportFilters defaultValues={{}} normalize={toFilter} onChange={setFilter}>
            <WarehouseFilterInput />
            <GroupFilterInput />
            <DateInput source="asOf" fullWidth={false} />
          </ReportFilters>
          {isPending ? (
            <Loading />
          ) : error || !data ? (
            <p>{errorMessage(error)}</p>
          ) : (
            <>
              <Typography variant="subtitle2" color="text.secondary" data-testid="valuation-as-of">
                {data.stockValuation.asOf ? t('atEndOf', { date: day(data.stockValuation.asOf) }) : t('now')}
              </Typography>
              <Table size="small" aria-label={title} className="stock-valuation">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('warehouse')}</TableCell>
                    <TableCell>{t('group')}</TableCell>
                    <TableCell align="right">{t('quantity')}</TableCell>
                    {seesCost && <TableCell align="right">{t('value')}</TableCell>}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.stockValuation.warehouses.map((total) => (
                    <Fragment key={total.warehouse.id}>
                      {data.stockValuation.rows
                        .filter((row) => row.warehouse.id === total.warehouse.id)
                        .map((row) => (
                          <TableRow key={`${row.warehouse.id}:${row.group?.id ?? ''}`}>
                            <TableCell>{row.warehouse.name}</TableCell>
                            <TableCell>{row.groupPath ?? t('noGroup')}</TableCell>
                            <TableCell align="right">{decimal(row.quantity)}</TableCell>
                            {seesCost && <TableCell align="right">{money(row.value)}</TableCell>}
                          </TableRow>
                        ))}
                      <TableRow sx={TOTAL}>
                        <TableCell colSpan={2}>{t('warehouseTotal', { warehouse: total.warehouse.name })}</TableCell>
                        <TableCell align="right">{decimal(total.quantity)}</TableCell>
                        {seesCost && <TableCell align="right">{money(total.value)}</TableCell>}
                      </TableRow>
                    </Fragment>
                  ))}
                  {data.stockValuation.warehouses.length ? (
                    <TableRow sx={TOTAL}>
                      <TableCell colSpan={2}>{t('total')}</TableCell>
                      <TableCell align="right">{decimal(data.stockValuation.total.quantity)}</TableCell>
                      {seesCost && <TableCell align="right">{money(data.stockValuation.total.value)}</TableCell>}
                    </TableRow>
                  ) : (
                    <TableRow>
                      <TableCell colSpan={4}>{translate('ra.navigation.no_results')}</TableCell>
                    </TableRow>
                  )}
                </TableBody>
              </Table>
            </>
          )}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

/** A report, not a record type: only `list`, like the stock balances. */
export default {
  name: 'StockValuation',
  list: StockValuation,
  icon: AssessmentIcon,
  permissions: { read: 'stock:read' },
};
