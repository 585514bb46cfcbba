import PlaylistAddIcon from '@mui/icons-material/PlaylistAdd';
import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button, Form, Loading, ResourceContextProvider, Title, useNotify, useRedirect, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { api } from '../providers/sdk';
import { WarehouseInput } from '../shared/documents/DocumentForm';
import { errorMessage } from '../shared/errors';
import { useDecimalFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';
import { OrderSuggestionsButton } from '../requisitions/OrderButtons';

const field = (name: string) => `resources.ReorderSuggestion.fields.${name}`;
const FIGURES = ['minQuantity', 'maxQuantity', 'available', 'onOrder', 'requested', 'backordered', 'projected', 'quantity'] as const;

type Group = Awaited<ReturnType<ReturnType<typeof api>['ReorderSuggestions']>>['reorderSuggestions'][number];

/** Tells the page which warehouse the filter form holds. */
const WatchWarehouse = ({ onChange }: { onChange: (id: string | null) => void }) => {
  const id = useWatch({ name: 'warehouseId' }) as string | null | undefined;
  useEffect(() => onChange(id || null), [id, onChange]);
  return null;
};

/** One supplier's suggestions with the figures that explain them, and the one-click requisition of all of them. */
const SupplierGroup = ({ group, onDone }: { group: Group; onDone: () => Promise<void> }) => {
  const translate = useTranslate();
  const decimal = useDecimalFormat();
  const can = useCan();
  const notify = useNotify();
  const notifyError = useNotifyError('ReorderSuggestion');
  const redirect = useRedirect();
  const [pending, setPending] = useState(false);
  const picks = group.suggestions.map((s) => ({ warehouseId: s.warehouseId, productId: s.productId, quantity: s.quantity }));
  const requisition = async () => {
    setPending(true);
    try {
      const made = (await api().RequisitionsFromReorderSuggestions({ input: { picks } })).requisitionsFromReorderSuggestions;
      notify('tradebook.reorder.requisitionsDone', { type: 'success', messageArgs: { numbers: made.map((r) => r.number).join(', '), smart_count: made.length } });
      await onDone();
      if (made.length === 1) redirect('show', 'PurchaseRequisition', made[0].id);
    } catch (error) {
      await notifyError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Card sx={{ mt: 2 }} data-testid="reorder-group">
      <CardContent>
        <Typography variant="h6">{group.supplier?.name ?? translate(field('noSupplier'))}</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate(field('warehouse'))}</TableCell>
              <TableCell>{translate(field('sku'))}</TableCell>
              <TableCell>{translate(field('productName'))}</TableCell>
              {FIGURES.map((f) => (
                <TableCell key={f} align="right">
                  {translate(field(f))}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {group.suggestions.map((s) => (
              <TableRow key={`${s.warehouseId}:${s.productId}`} data-testid="reorder-row">
                <TableCell>{s.warehouse.code}</TableCell>
                <TableCell>{s.product.sku}</TableCell>
                <TableCell>{s.product.name}</TableCell>
                {FIGURES.map((f) => (
                  <TableCell key={f} align="right">
                    {decimal(s[f])}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {can('reorder:post') && can('requisition:create') && (
          <Button label="tradebook.reorder.requisition" disabled={pending} onClick={requisition} sx={{ mt: 1 }}>
            <PlaylistAddIcon />
          </Button>
        )}
        {group.supplierId && <OrderSuggestionsButton picks={picks} onDone={onDone} />}
      </CardContent>
    </Card>
  );
};

/**
 * Reorder suggestions now: where available + on order + requested − backordered is at or
 * below a rule's min, what brings it up to its max, by the products' main supplier. A
 * supplier's suggestions become a draft requisition per warehouse in one click.
 */
const ReorderSuggestions = () => {
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [warehouseId, setWarehouseId] = useState<string | null>(null);
  const { data, isPending, error } = useQuery({ queryKey: ['reorderSuggestions', warehouseId], queryFn: () => api().ReorderSuggestions({ filter: warehouseId ? { warehouseId } : null }) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['reorderSuggestions'] });
  return (
    <ResourceContextProvider value="ReorderSuggestion">
      <Title title={translate('resources.ReorderSuggestion.name', { smart_count: 2 })} />
      <Form>
        <WarehouseInput source="warehouseId" optional />
        <WatchWarehouse onChange={setWarehouseId} />
      </Form>
      {isPending ? <Loading /> : error || !data ? <p>{errorMessage(error)}</p> : null}
      {data && !data.reorderSuggestions.length && <Typography sx={{ mt: 2 }}>{translate('tradebook.reorder.nothing')}</Typography>}
      {data?.reorderSuggestions.map((group) => <SupplierGroup key={group.supplierId ?? 'none'} group={group} onDone={refresh} />)}
    </ResourceContextProvider>
  );
};

export { ReorderSuggestions as list };
