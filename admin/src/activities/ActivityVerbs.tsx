import CancelIcon from '@mui/icons-material/EventBusy';
import DoneIcon from '@mui/icons-material/TaskAlt';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { ConfirmedAction } from '../shared/ConfirmedAction';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';

type Record_ = { id: string; subject: string; status: string };

/** Complete asks what came of it (the result), then marks the activity DONE. */
const CompleteButton = ({ record }: { record: Record_ }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError('Activity');
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState('');
  const complete = async () => {
    try {
      await api().CompleteActivity({ id: record.id, result: result.trim() || null });
      setOpen(false);
      notify('tradebook.activity.completeDone', { type: 'success' });
      refresh();
    } catch (error) {
      await notifyError(error);
    }
  };
  return (
    <>
      <Button label="tradebook.activity.complete" onClick={() => setOpen(true)}>
        <DoneIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>{translate('tradebook.activity.completeTitle', { subject: record.subject })}</DialogTitle>
        <DialogContent>
          <MuiTextField label={translate('tradebook.activity.result')} value={result} onChange={(e) => setResult(e.target.value)} multiline minRows={3} fullWidth autoFocus margin="dense" name="result" />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" onClick={complete}>
            {translate('tradebook.activity.complete')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** A PLANNED activity's verbs: Complete (with its result) and Cancel (after asking). */
export const ActivityVerbs = () => {
  const record = useRecordContext<Record_>();
  const can = useCan();
  if (!record || record.status !== 'PLANNED' || !can('activity:update')) return null;
  return (
    <>
      <CompleteButton record={record} />
      <ConfirmedAction
        label="tradebook.activity.cancel"
        icon={<CancelIcon />}
        color="error"
        run={() => api().CancelActivity({ id: record.id })}
        done="tradebook.activity.cancelDone"
        messageArgs={{ subject: record.subject }}
        confirm={{ title: 'tradebook.activity.cancelTitle', content: 'tradebook.activity.cancelConfirm' }}
        resource="Activity"
      />
    </>
  );
};
