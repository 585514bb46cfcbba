import BlockIcon from '@mui/icons-material/Block';
import CheckIcon from '@mui/icons-material/Check';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import SendIcon from '@mui/icons-material/Send';
import { TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { ConfirmedAction } from '../shared/ConfirmedAction';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';
import { OrderRequisitionsButton } from './OrderButtons';

export interface RequisitionRecord {
  id: string;
  number: string;
  status: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'PARTLY_ORDERED' | 'ORDERED' | 'CLOSED';
}

const verb = (name: string) => `tradebook.requisition.${name}`;

/** Reject asks for the reason (the API refuses a blank one on `reason`, worded here). */
const RejectButton = ({ requisition }: { requisition: RequisitionRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError('PurchaseRequisition');
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const reject = async () => {
    try {
      await api().RejectPurchaseRequisition({ id: requisition.id, reason });
      setOpen(false);
      notify(verb('rejectDone'), { type: 'success', messageArgs: { number: requisition.number } });
      refresh();
    } catch (error) {
      await notifyError(error);
    }
  };
  return (
    <>
      <Button label={verb('reject')} color="error" onClick={() => setOpen(true)}>
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        title={verb('rejectTitle')}
        translateOptions={{ number: requisition.number }}
        content={<MuiTextField autoFocus fullWidth multiline label={translate('resources.PurchaseRequisition.fields.rejectionReason')} value={reason} onChange={(e) => setReason(e.target.value)} slotProps={{ htmlInput: { 'data-testid': 'reject-reason' } }} />}
        confirm={verb('reject')}
        confirmColor="warning"
        onConfirm={reject}
        onClose={() => setOpen(false)}
      />
    </>
  );
};

/** What a requisition can be told by its status: its author submits a draft; purchasing approves, rejects or closes it. */
export const RequisitionVerbs = () => {
  const requisition = useRecordContext<RequisitionRecord>();
  const can = useCan();
  if (!requisition) return null;
  const args = { number: requisition.number };
  const { status } = requisition;
  const decides = can('requisition:approve');
  return (
    <>
      {status === 'DRAFT' && can('requisition:update') && (
        <ConfirmedAction label={verb('submit')} icon={<SendIcon />} run={() => api().SubmitPurchaseRequisition({ id: requisition.id })} done={verb('submitDone')} messageArgs={args} resource="PurchaseRequisition" />
      )}
      {status === 'SUBMITTED' && decides && (
        <ConfirmedAction label={verb('approve')} icon={<CheckIcon />} run={() => api().ApprovePurchaseRequisition({ id: requisition.id })} done={verb('approveDone')} messageArgs={args} resource="PurchaseRequisition" />
      )}
      {(status === 'APPROVED' || status === 'PARTLY_ORDERED') && <OrderRequisitionsButton ids={[requisition.id]} />}
      {(status === 'SUBMITTED' || status === 'APPROVED') && decides && <RejectButton requisition={requisition} />}
      {(status === 'APPROVED' || status === 'PARTLY_ORDERED' || status === 'ORDERED') && decides && (
        <ConfirmedAction
          label={verb('close')}
          icon={<DoneAllIcon />}
          run={() => api().ClosePurchaseRequisition({ id: requisition.id })}
          done={verb('closeDone')}
          messageArgs={args}
          resource="PurchaseRequisition"
          confirm={{ title: verb('closeTitle'), content: verb('closeConfirm') }}
        />
      )}
    </>
  );
};
