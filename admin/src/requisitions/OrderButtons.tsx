import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { useState } from 'react';
import { Button, useListContext, useNotify, useRedirect, useRefresh } from 'react-admin';
import { api } from '../providers/sdk';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';

type Made = { id: string; number: string }[];

/**
 * Runs a call that drafts purchase orders, says which were made and opens the one made
 * (the list of them when several); a refusal is worded for `resource`'s fields.
 */
const useDraftOrders = (resource: string, onDone?: () => unknown) => {
  const notify = useNotify();
  const notifyError = useNotifyError(resource);
  const redirect = useRedirect();
  const [pending, setPending] = useState(false);
  const run = async (call: () => Promise<Made>) => {
    setPending(true);
    try {
      const made = await call();
      notify('tradebook.requisition.orderDone', { type: 'success', messageArgs: { numbers: made.map((o) => o.number).join(', '), smart_count: made.length } });
      await onDone?.();
      if (made.length === 1) redirect('show', 'PurchaseOrder', made[0].id);
      else redirect('list', 'PurchaseOrder');
    } catch (error) {
      await notifyError(error);
    } finally {
      setPending(false);
    }
  };
  return { run, pending };
};

/** Who may turn requisitions into purchase orders: purchasing (orders and decides requisitions). */
const useMayOrder = () => {
  const can = useCan();
  return can('purchaseOrder:create') && can('requisition:approve');
};

/** Orders what the requisitions still ask for: one draft per main supplier × warehouse. */
export const OrderRequisitionsButton = ({ ids }: { ids: string[] }) => {
  const { run, pending } = useDraftOrders('PurchaseRequisition');
  if (!useMayOrder()) return null;
  return (
    <Button label="tradebook.requisition.order" disabled={pending || !ids.length} onClick={() => run(async () => (await api().CreatePurchaseOrdersFromRequisitions({ input: { requisitionIds: ids } })).createPurchaseOrdersFromRequisitions)}>
      <ShoppingCartIcon />
    </Button>
  );
};

/** The list's bulk action: the selected requisitions consolidated (several people's lines of one product on one order line). */
export const OrderSelectedRequisitions = () => {
  const { selectedIds } = useListContext();
  return <OrderRequisitionsButton ids={selectedIds as string[]} />;
};

/** A supplier's reorder suggestions as draft purchase orders in one click. */
export const OrderSuggestionsButton = ({ picks, onDone }: { picks: { warehouseId: string; productId: string; quantity: string }[]; onDone: () => unknown }) => {
  const can = useCan();
  const { run, pending } = useDraftOrders('ReorderSuggestion', onDone);
  if (!can('reorder:post') || !can('purchaseOrder:create')) return null;
  return (
    <Button label="tradebook.reorder.order" disabled={pending} onClick={() => run(async () => (await api().PurchaseOrdersFromReorderSuggestions({ input: { picks } })).purchaseOrdersFromReorderSuggestions)} sx={{ mt: 1, ml: 1 }}>
      <ShoppingCartIcon />
    </Button>
  );
};
