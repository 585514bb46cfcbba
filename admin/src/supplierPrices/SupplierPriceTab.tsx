import StarIcon from '@mui/icons-material/Star';
import StarBorderIcon from '@mui/icons-material/StarBorder';
import { IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, ResourceContextProvider, SaveButton, TextInput, required, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { DayInput } from '../shared/dates';
import { today, useDayFormat, useMoneyFormat } from '../shared/fields';
import { parseDecimal } from '../shared/forms';
import { useCan } from '../shared/permissions';
import { ProductLineInput } from '../shared/products';
import { useFormErrors, useNotifyError } from '../shared/useNotifyError';

const field = (name: string) => `resources.SupplierPrice.fields.${name}`;

/**
 * A supplier's price list (what new purchase orders are prefilled with): every dated entry by
 * product, newest first; a form to set a price from a date (replacing that date's entry) and,
 * per product, a star that makes this supplier its main supplier (whom reorder suggestions and
 * orders from requisitions turn to).
 */
export const SupplierPriceTab = () => {
  const supplier = useRecordContext<{ id: string; roles?: string[] }>();
  const can = useCan();
  const translate = useTranslate();
  const money = useMoneyFormat();
  const day = useDayFormat();
  const notify = useNotify();
  const notifyError = useNotifyError('SupplierPrice');
  const formErrors = useFormErrors('SupplierPrice');
  const queryClient = useQueryClient();
  const key = ['SupplierPriceList', supplier?.id];
  const { data } = useQuery({ queryKey: key, queryFn: async () => (await api().SupplierPriceList({ supplierId: supplier!.id })).supplierPriceList, enabled: !!supplier });
  if (!supplier) return null;
  if (!supplier.roles?.includes('SUPPLIER')) return <Typography sx={{ color: 'text.secondary' }}>{translate('tradebook.supplierPrice.notSupplier')}</Typography>;
  const reload = () => queryClient.invalidateQueries({ queryKey: key });
  const submit = async (values: Record<string, unknown>) => {
    try {
      await api().SetSupplierPrice({ input: { supplierId: supplier.id, productId: values.productId as string, validFrom: values.validFrom as string, price: parseDecimal(String(values.price ?? '')) ?? '' } });
      notify('tradebook.supplierPrice.saved', { type: 'success' });
      await reload();
      return undefined;
    } catch (error) {
      return formErrors(error);
    }
  };
  const makeMain = async (productId: string, main: boolean) => {
    try {
      await api().SetProductMainSupplier({ productId, supplierId: main ? null : supplier.id });
      notify(main ? 'tradebook.supplierPrice.mainRemoved' : 'tradebook.supplierPrice.mainSet', { type: 'success' });
      await reload();
    } catch (error) {
      await notifyError(error);
    }
  };
  const rows = data ?? [];
  return (
    <ResourceContextProvider value="SupplierPrice">
      <Stack spacing={2}>
        {can('supplierPrice:create') && (
          <Form onSubmit={submit} defaultValues={{ validFrom: today() }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
              <ProductLineInput label={field('product')} />
              <DayInput source="validFrom" validate={required()} />
              <TextInput source="price" validate={required()} slotProps={{ htmlInput: { inputMode: 'decimal' } }} />
              <SaveButton label="tradebook.supplierPrice.set" alwaysEnable sx={{ mt: 1 }} />
            </Stack>
          </Form>
        )}
        {!rows.length && <Typography sx={{ color: 'text.secondary' }}>{translate('tradebook.supplierPrice.none')}</Typography>}
        {!!rows.length && (
          <Table size="small" className="supplier-prices">
            <TableHead>
              <TableRow>
                <TableCell>{translate(field('sku'))}</TableCell>
                <TableCell>{translate(field('productName'))}</TableCell>
                <TableCell>{translate(field('validFrom'))}</TableCell>
                <TableCell align="right">{translate(field('price'))}</TableCell>
                <TableCell>{translate(field('main'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => {
                const main = row.product.mainSupplier?.id === supplier.id;
                return (
                  <TableRow key={row.id}>
                    <TableCell>{row.product.sku}</TableCell>
                    <TableCell>{row.product.name}</TableCell>
                    <TableCell>{day(row.validFrom)}</TableCell>
                    <TableCell align="right">{money(row.price)}</TableCell>
                    <TableCell>
                      <Tooltip title={translate(main ? 'tradebook.supplierPrice.isMain' : 'tradebook.supplierPrice.makeMain')}>
                        <span>
                          <IconButton size="small" disabled={!can('supplierPrice:update')} onClick={() => makeMain(row.product.id, main)} aria-label={translate(main ? 'tradebook.supplierPrice.isMain' : 'tradebook.supplierPrice.makeMain')}>
                            {main ? <StarIcon color="warning" /> : <StarBorderIcon />}
                          </IconButton>
                        </span>
                      </Tooltip>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </Stack>
    </ResourceContextProvider>
  );
};
