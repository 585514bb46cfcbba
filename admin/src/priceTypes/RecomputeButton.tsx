import CalculateIcon from '@mui/icons-material/Calculate';
import { Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button, Form, ResourceContextProvider, SaveButton, required, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { DayInput } from '../shared/dates';
import { today, useDayFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';
import { RecomputeNote, useAllPriceTypes } from './RecomputeNote';
import { followerCodes, type PriceTypeFacts } from './recomputes';

type Record_ = PriceTypeFacts & { id: string; code: string };

/** The line under the date: which types the recompute posts lists for, and from when. */
const DialogNote = ({ record }: { record: Record_ }) => {
  const validFrom = useWatch({ name: 'validFrom' }) as string | undefined;
  const all = useAllPriceTypes();
  const followers = followerCodes(record.id, all);
  return <RecomputeNote recomputes={{ types: [record.code], followers }} date={validFrom || today()} messageKey="tradebook.priceType.recomputeNote" />;
};

/**
 * "Recompute" on a derived or cost-based price type: asks from when, then
 * recomputePriceType posts its lists (and those of the types derived from it) from that
 * date; earlier lists stay. Refusals come back in the reader's words.
 */
export const RecomputeButton = () => {
  const record = useRecordContext<Record_>();
  const can = useCan();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError('PriceType');
  const refresh = useRefresh();
  const day = useDayFormat();
  const [open, setOpen] = useState(false);
  if (!record || record.derivation === 'NONE' || !can('priceType:update')) return null;
  const submit = async (values: Record<string, unknown>) => {
    const validFrom = String(values.validFrom);
    try {
      const { recomputePriceType: done } = await api().RecomputePriceType({ id: record.id, validFrom });
      setOpen(false);
      notify('tradebook.priceType.recomputeDone', { type: 'success', messageArgs: { code: record.code, date: day(validFrom), smart_count: done.priceLists.length } });
      refresh();
    } catch (error) {
      await notifyError(error);
    }
  };
  return (
    <>
      <Button label="tradebook.priceType.recompute" onClick={() => setOpen(true)}>
        <CalculateIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="recompute-dialog-title">
        <DialogTitle id="recompute-dialog-title">{translate('tradebook.priceType.recomputeTitle', { code: record.code })}</DialogTitle>
        <ResourceContextProvider value="PriceType">
          <Form onSubmit={submit} defaultValues={{ validFrom: today() }}>
            <DialogContent sx={{ display: 'flex', flexDirection: 'column' }}>
              <DayInput source="validFrom" label="tradebook.priceType.validFrom" validate={required()} />
              <DialogNote record={record} />
            </DialogContent>
            <DialogActions>
              <Button label="ra.action.close" onClick={() => setOpen(false)} />
              <SaveButton label="tradebook.priceType.recompute" icon={<CalculateIcon />} alwaysEnable />
            </DialogActions>
          </Form>
        </ResourceContextProvider>
      </Dialog>
    </>
  );
};
