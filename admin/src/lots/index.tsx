import LayersIcon from '@mui/icons-material/Layers';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { BooleanInput, Loading, ResourceContextProvider, Title, useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';
import { api } from '../providers/session';
import { errorMessage } from '../shared/errors';
import { useDayFormat, useDecimalFormat, useMoneyFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { ProductFilterInput, ReportFilters, WarehouseFilterInput } from '../shared/ReportFilters';

interface Values {
  productId?: string | null;
  warehouseId?: string | null;
  onlyOpen?: boolean;
}

const normalize = (values: Values): Values => ({ productId: values.productId || null, warehouseId: values.warehouseId || null, onlyOpen: !!values.onlyOpen });

/** FIFO lots of a product in a warehouse, oldest first (`lots`); unit cost and value only with cost:read. Opened from a balance row or by choosing both. */
const Lots = () => {
  const translate = useTranslate();
  const can = useCan();
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  const seesCost = can('cost:read');
  const search = new URLSearchParams(useLocation().search);
  const initial: Values = { productId: search.get('productId'), warehouseId: search.get('warehouseId'), onlyOpen: false };
  const [values, setValues] = useState<Values>(initial);
  const ready = !!values.productId && !!values.warehouseId;
  const { data, isPending, error } = useQuery({
    queryKey: ['lots', values],
    queryFn: () => api().Lots({ productId: values.productId!, warehouseId: values.warehouseId!, onlyOpen: !!values.onlyOpen }),
    enabled: ready,
  });
  const t = (name: string) => translate(`resources.StockLot.fields.${name}`);
  return (
    <ResourceContextProvider value="StockLot">
      <Title title={translate('tradebook.stock.lotsTitle')} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <ReportFilters defaultValues={{ ...initial }} normalize={normalize} onChange={setValues}>
            <ProductFilterInput />
            <WarehouseFilterInput />
            <BooleanInput source="onlyOpen" />
          </ReportFilters>
          {!ready ? (
            <p>{translate('tradebook.stock.chooseProductAndWarehouse')}</p>
          ) : isPending ? (
            <Loading />
          ) : error || !data ? (
            <p>{errorMessage(error)}</p>
          ) : (
            <Table size="small" aria-label={translate('tradebook.stock.lotsTitle')} className="stock-lots">
              <TableHead>
                <TableRow>
                  <TableCell>{t('date')}</TableCell>
                  <TableCell>{t('recorderType')}</TableCell>
                  <TableCell align="right">{t('recorderLine')}</TableCell>
                  <TableCell align="right">{t('qtyIn')}</TableCell>
                  <TableCell align="right">{t('qtyRemaining')}</TableCell>
                  {seesCost && <TableCell align="right">{t('unitCost')}</TableCell>}
                  {seesCost && <TableCell align="right">{t('valueRemaining')}</TableCell>}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.lots.map((lot) => (
                  <TableRow key={lot.id}>
                    <TableCell>{day(lot.date)}</TableCell>
                    <TableCell>{translate(`resources.${lot.recorderType}.name`, { smart_count: 1, _: lot.recorderType })}</TableCell>
                    <TableCell align="right">{lot.recorderLine}</TableCell>
                    <TableCell align="right">{decimal(lot.qtyIn)}</TableCell>
                    <TableCell align="right">{decimal(lot.qtyRemaining)}</TableCell>
                    {seesCost && <TableCell align="right">{money(lot.unitCost)}</TableCell>}
                    {seesCost && <TableCell align="right">{money(lot.valueRemaining)}</TableCell>}
                  </TableRow>
                ))}
                {!data.lots.length && (
                  <TableRow>
                    <TableCell colSpan={7}>{translate('ra.navigation.no_results')}</TableCell>
                  </TableRow>
                )}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

export default {
  name: 'StockLot',
  list: Lots,
  icon: LayersIcon,
  permissions: { read: 'stock:read' },
};
