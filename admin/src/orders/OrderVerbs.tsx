import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/Check';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import LockIcon from '@mui/icons-material/Lock';
import LockOpenIcon from '@mui/icons-material/LockOpen';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import HandymanIcon from '@mui/icons-material/Handyman';
import { useState } from 'react';
import { Button, useRecordContext, useRedirect } from 'react-admin';
import { useNotifyError } from '../shared/useNotifyError';
import { api } from '../providers/sdk';
import { ConfirmedAction } from '../shared/ConfirmedAction';
import { useCan } from '../shared/permissions';
import { today } from '../shared/fields';

/**
 * What an order makes next, each a draft opened at once: a shipment of what is left to ship
 * (confirmed or partly shipped), an invoice for payment, a service act of its services (the
 * API says why not when there is nothing of the kind to make).
 */
export const OrderDocuments = () => {
  const order = useRecordContext<OrderRecord>();
  const can = useCan();
  const redirect = useRedirect();
  const notifyError = useNotifyError('Order');
  const [pending, setPending] = useState(false);
  if (!order) return null;
  const make = async (resource: string, create: () => Promise<{ id: string }>) => {
    setPending(true);
    try {
      const { id } = await create();
      redirect('show', resource, id);
    } catch (error) {
      await notifyError(error);
    } finally {
      setPending(false);
    }
  };
  const shipping = order.status === 'CONFIRMED' || order.status === 'PARTIALLY_SHIPPED';
  const open = order.status !== 'DRAFT' && order.status !== 'CANCELLED';
  return (
    <>
      {shipping && can('shipment:create') && (
        <Button label="tradebook.order.ship" disabled={pending} onClick={() => make('Shipment', async () => (await api().CreateShipmentFromOrder({ input: { orderId: order.id, date: today() } })).createShipmentFromOrder)}>
          <LocalShippingIcon />
        </Button>
      )}
      {open && can('invoice:create') && (
        <Button label="tradebook.order.invoice" disabled={pending} onClick={() => make('Invoice', async () => (await api().CreateInvoiceFromOrder({ orderId: order.id })).createInvoiceFromOrder)}>
          <RequestQuoteIcon />
        </Button>
      )}
      {open && can('serviceAct:create') && (
        <Button label="tradebook.order.serviceAct" disabled={pending} onClick={() => make('ServiceAct', async () => (await api().CreateServiceActFromOrder({ orderId: order.id })).createServiceActFromOrder)}>
          <HandymanIcon />
        </Button>
      )}
    </>
  );
};

export interface OrderRecord {
  id: string;
  number: string;
  status: 'DRAFT' | 'CONFIRMED' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'CLOSED' | 'CANCELLED';
  lines?: { backordered?: string; reserved?: string; quantity?: string }[];
}

/**
 * What an order can be told by its status: a draft is confirmed (reserving everything, or
 * keeping what stock cannot cover as a backorder); a confirmed order reserves again what it
 * lacks, releases what it holds, or is cancelled. A refusal (INSUFFICIENT_STOCK with the
 * numbers, CREDIT_LIMIT_EXCEEDED) comes back in the reader's words.
 */
export const OrderVerbs = () => {
  const order = useRecordContext<OrderRecord>();
  const can = useCan();
  if (!order || !can('order:post')) return null;
  const args = { number: order.number };
  const verb = (name: string) => `tradebook.order.${name}`;
  const draft = order.status === 'DRAFT';
  const confirmed = order.status === 'CONFIRMED';
  const lacking = order.lines?.some((line) => Number(line.backordered ?? 0) > 0 || Number(line.reserved ?? 0) < Number(line.quantity ?? 0));
  return (
    <>
      {draft && <ConfirmedAction label={verb('confirm')} icon={<CheckIcon />} run={() => api().ConfirmOrder({ id: order.id })} done={verb('confirmDone')} messageArgs={args} resource="Order" />}
      {draft && (
        <ConfirmedAction
          label={verb('confirmBackorder')}
          icon={<PlaylistAddCheckIcon />}
          run={() => api().ConfirmOrder({ id: order.id, allowBackorder: true })}
          done={verb('confirmDone')}
          messageArgs={args}
          resource="Order"
          confirm={{ title: verb('confirmBackorderTitle'), content: verb('confirmBackorderConfirm') }}
        />
      )}
      {confirmed && lacking && <ConfirmedAction label={verb('reserve')} icon={<LockIcon />} run={() => api().ReserveOrder({ id: order.id })} done={verb('reserveDone')} messageArgs={args} resource="Order" />}
      {confirmed && (
        <ConfirmedAction
          label={verb('release')}
          icon={<LockOpenIcon />}
          run={() => api().ReleaseOrder({ id: order.id })}
          done={verb('releaseDone')}
          messageArgs={args}
          resource="Order"
          confirm={{ title: verb('releaseTitle'), content: verb('releaseConfirm') }}
        />
      )}
      {(order.status === 'SHIPPED' || order.status === 'PARTIALLY_SHIPPED') && (
        <ConfirmedAction
          label={verb('close')}
          icon={<DoneAllIcon />}
          run={() => api().CloseOrder({ id: order.id })}
          done={verb('closeDone')}
          messageArgs={args}
          resource="Order"
          confirm={{ title: verb('closeTitle'), content: verb('closeConfirm') }}
        />
      )}
      {(draft || confirmed) && (
        <ConfirmedAction
          label={verb('cancel')}
          icon={<BlockIcon />}
          color="error"
          run={() => api().CancelOrder({ id: order.id })}
          done={verb('cancelDone')}
          messageArgs={args}
          resource="Order"
          confirm={{ title: verb('cancelTitle'), content: verb('cancelConfirm') }}
        />
      )}
    </>
  );
};
