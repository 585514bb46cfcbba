import DeleteIcon from '@mui/icons-material/Delete';
import { useState, type ReactElement } from 'react';
import { Button, Confirm, useDataProvider, useGetRecordRepresentation, useListContext, useNotify, useRefresh, useResourceContext, useTranslate } from 'react-admin';
import { useCan } from '../permissions';
import { useErrorText } from '../useNotifyError';

interface BulkEachProps {
  label: string;
  icon: ReactElement;
  /** What is done to one selected record; a refusal is reported, the others go on. */
  action: (id: string) => Promise<unknown>;
  /** The question asked first (`…Title`, `…Confirm`), with %{count}. */
  confirm?: string;
  /** The summary: %{done} of %{total}. */
  done: string;
}

/**
 * An action on every selected row, one record at a time as the API takes them: each refusal
 * is named with its record and reason in the reader's words, the rest is done; then the
 * selection is cleared and the list reloaded.
 */
export const BulkEachButton = ({ label, icon, action, confirm, done }: BulkEachProps) => {
  const { selectedIds, data = [], onUnselectItems } = useListContext();
  const resource = useResourceContext() ?? '';
  const represent = useGetRecordRepresentation(resource);
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const errorText = useErrorText(resource);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setAsking(false);
    setBusy(true);
    const refusals: string[] = [];
    let succeeded = 0;
    for (const id of selectedIds as string[]) {
      try {
        await action(id);
        succeeded++;
      } catch (error) {
        const record = data.find((r) => r.id === id);
        const { message, messageArgs } = await errorText(error);
        refusals.push(`${record ? String(represent(record)) : id}: ${translate(message, messageArgs)}`);
      }
    }
    setBusy(false);
    onUnselectItems();
    refresh();
    const summary = translate(done, { done: succeeded, total: selectedIds.length });
    notify(refusals.length ? `${summary}. ${refusals.join('; ')}` : summary, { type: refusals.length ? 'warning' : 'info', multiLine: refusals.length > 0, autoHideDuration: refusals.length ? 15000 : undefined });
  };
  return (
    <>
      <Button label={label} onClick={() => (confirm ? setAsking(true) : run())} disabled={busy || !selectedIds.length}>
        {icon}
      </Button>
      {confirm && (
        <Confirm isOpen={asking} title={`${confirm}Title`} content={`${confirm}Confirm`} translateOptions={{ count: selectedIds.length }} onConfirm={run} onClose={() => setAsking(false)} />
      )}
    </>
  );
};

/** Delete of the selected records: each refusal (a record in use, a posted document) named. */
export const BulkDelete = () => {
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider();
  return <BulkEachButton label="ra.action.delete" icon={<DeleteIcon />} action={(id) => dataProvider.delete(resource, { id })} confirm="tradebook.bulk.delete" done="tradebook.bulk.deleted" />;
};

/** The bulk delete of a resource's list for those with `<permission>:delete`, or none. */
export const useBulkDelete = (permission: string) => (useCan()(`${permission}:delete`) ? <BulkDelete /> : undefined);
