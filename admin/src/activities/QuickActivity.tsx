import AddTaskIcon from '@mui/icons-material/AddTask';
import { Dialog, DialogContent, DialogTitle, IconButton, Tooltip } from '@mui/material';
import { useState } from 'react';
import { CreateBase, ResourceContextProvider, SimpleForm, useNotify, useTranslate, type RaRecord } from 'react-admin';
import { useCan } from '../shared/permissions';
import { useSaveErrorOptions } from '../shared/useNotifyError';
import { ActivityInputs } from './ActivityInputs';

/**
 * Plan an activity from any screen, for oneself or a colleague (issue 13, item 12): the
 * app bar's button opens the activity form in a dialog and leaves the reader where they were.
 */
/** The form in the dialog: saved through the data provider as the Activity screens save, its refusals worded on the fields. */
const QuickActivityForm = ({ onDone }: { onDone: () => void }) => {
  const notify = useNotify();
  const errorOptions = useSaveErrorOptions();
  return (
    <CreateBase
      resource="Activity"
      redirect={false}
      mutationOptions={{
        ...errorOptions,
        onSuccess: (activity: RaRecord) => {
          notify('tradebook.activity.quickDone', { type: 'success', messageArgs: { subject: activity.subject } });
          onDone();
        },
      }}
    >
      <SimpleForm>
        <ActivityInputs />
      </SimpleForm>
    </CreateBase>
  );
};

export const QuickActivity = () => {
  const can = useCan();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  if (!can('activity:create')) return null;
  const label = translate('tradebook.activity.quick');
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" onClick={() => setOpen(true)} aria-label={label} data-testid="quick-activity">
          <AddTaskIcon />
        </IconButton>
      </Tooltip>
      {open && (
        <Dialog open onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="quick-activity-title">
          <DialogTitle id="quick-activity-title">{label}</DialogTitle>
          <DialogContent>
            <ResourceContextProvider value="Activity">
              <QuickActivityForm onDone={() => setOpen(false)} />
            </ResourceContextProvider>
          </DialogContent>
        </Dialog>
      )}
    </>
  );
};
