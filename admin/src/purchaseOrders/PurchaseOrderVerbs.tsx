import LockIcon from '@mui/icons-material/Lock';
import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { useState } from 'react';
import { Button, useRecordContext, useRedirect } from 'react-admin';
import { api } from '../providers/sdk';
import { ConfirmedAction } from '../shared/ConfirmedAction';
import { today } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';

interface PurchaseOrderRecord {
  id: string;
  number: string;
  status: 'DRAFT' | 'POSTED' | 'CANCELLED';
  closedAt?: string | null;
}

/** A posted, open order: Receive makes a draft receipt of what is left (opened at once); Close takes the rest off order. */
export const PurchaseOrderVerbs = () => {
  const order = useRecordContext<PurchaseOrderRecord>();
  const can = useCan();
  const redirect = useRedirect();
  const notifyError = useNotifyError('PurchaseOrder');
  const [pending, setPending] = useState(false);
  if (!order || order.status !== 'POSTED' || order.closedAt) return null;
  const receive = async () => {
    setPending(true);
    try {
      const { createReceiptFromPurchaseOrder } = await api().CreateReceiptFromPurchaseOrder({ id: order.id, date: today() });
      redirect('edit', 'GoodsReceipt', createReceiptFromPurchaseOrder.id);
    } catch (error) {
      await notifyError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      {can('stockDocument:create') && (
        <Button label="tradebook.purchaseOrder.receive" disabled={pending} onClick={receive}>
          <MoveToInboxIcon />
        </Button>
      )}
      {can('purchaseOrder:post') && (
        <ConfirmedAction
          label="tradebook.purchaseOrder.close"
          icon={<LockIcon />}
          confirm={{ title: 'tradebook.purchaseOrder.closeTitle', content: 'tradebook.purchaseOrder.closeConfirm' }}
          run={() => api().ClosePurchaseOrder({ id: order.id })}
          done="tradebook.purchaseOrder.closeDone"
          messageArgs={{ number: order.number }}
          resource="PurchaseOrder"
        />
      )}
    </>
  );
};
