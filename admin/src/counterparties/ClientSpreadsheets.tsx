import CallMergeIcon from '@mui/icons-material/CallMerge';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import type { CounterpartyFilter } from '@tradebook/client';
import { useState } from 'react';
import { AutocompleteInput, Button, Form, ReferenceInput, SaveButton, required, useListContext, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import { downloadBase64 } from '../clientImport/importFile';
import { api } from '../providers/sdk';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';

/** The list's filters as the API's CounterpartyFilter (react-admin keeps them as they were typed). */
const filterOf = (values: Record<string, unknown>): CounterpartyFilter =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== '' && value !== undefined && value !== null)) as CounterpartyFilter;

/** "Export to XLSX": the clients of the list's current filter, as the server writes them (every page, the reader's record rules). */
export const ExportClientsButton = () => {
  const { filterValues } = useListContext();
  const notifyError = useNotifyError('Counterparty');
  const [busy, setBusy] = useState(false);
  const exportList = async () => {
    setBusy(true);
    try {
      const { exportClients: file } = await api().ExportClients({ filter: filterOf(filterValues ?? {}) });
      downloadBase64(file.content, file.fileName, file.contentType);
    } catch (e) {
      await notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return <Button label="tradebook.clientImport.export" onClick={() => void exportList()} disabled={busy} startIcon={<DownloadIcon />} />;
};

/** The clients list's own actions: export, and the import wizard for those who may import. */
export const ClientListActions = () => {
  const can = useCan();
  const redirect = useRedirect();
  return (
    <>
      {can('client:import') && <Button label="tradebook.clientImport.title" onClick={() => redirect('/ClientImport')} startIcon={<UploadFileIcon />} />}
      <ExportClientsButton />
    </>
  );
};

/**
 * "Merge into…" on a client's card (heads of sales): this client is a duplicate of the one
 * chosen; everything of it moves there and it is deleted.
 */
export const MergeClientButton = () => {
  const record = useRecordContext<{ id: string; name: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const notifyError = useNotifyError('Counterparty');
  const [open, setOpen] = useState(false);
  if (!record) return null;
  const merge = async (values: Record<string, unknown>) => {
    try {
      const { mergeClients } = await api().MergeClients({ keepId: String(values.keepId), mergeId: record.id });
      notify('tradebook.clientImport.merged', { type: 'success', messageArgs: { merged: record.name, kept: mergeClients.client.name } });
      setOpen(false);
      redirect('show', 'Counterparty', mergeClients.client.id);
    } catch (e) {
      await notifyError(e);
    }
    return undefined;
  };
  return (
    <>
      <Button label="tradebook.clientImport.mergeInto" onClick={() => setOpen(true)} startIcon={<CallMergeIcon />} />
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm" aria-labelledby="merge-client-title">
        <DialogTitle id="merge-client-title">{translate('tradebook.clientImport.mergeTitle', { name: record.name })}</DialogTitle>
        <Form onSubmit={merge}>
          <DialogContent>
            <Alert severity="warning" sx={{ mb: 2 }}>
              {translate('tradebook.clientImport.mergeHelp', { name: record.name })}
            </Alert>
            <ReferenceInput source="keepId" reference="Counterparty" filter={{ role: 'CLIENT' }} sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput optionText="name" label="tradebook.clientImport.keep" validate={required()} filterToQuery={(q: string) => ({ q })} />
            </ReferenceInput>
          </DialogContent>
          <DialogActions>
            <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
            <SaveButton label="tradebook.clientImport.merge" icon={<CallMergeIcon />} alwaysEnable />
          </DialogActions>
        </Form>
      </Dialog>
    </>
  );
};
