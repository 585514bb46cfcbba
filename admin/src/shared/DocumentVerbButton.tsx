import BlockIcon from '@mui/icons-material/Block';
import PublishIcon from '@mui/icons-material/Publish';
import UndoIcon from '@mui/icons-material/Undo';
import { useState, type ReactElement } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { errorMessage } from './errors';

export type DocumentVerb = 'post' | 'unpost' | 'cancel';

const ICONS: Record<DocumentVerb, ReactElement> = { post: <PublishIcon />, unpost: <UndoIcon />, cancel: <BlockIcon /> };

/**
 * Post, Unpost or Cancel a document through the SDK, then the view reloads; a refusal
 * (INVALID_STATE, PERIOD_CLOSED, lots consumed…) comes back as a notification. With
 * `confirm` it asks first. Labels and messages are `<messages>.<verb>`, `…Done`, `…Title`, `…Confirm`.
 */
export const DocumentVerbButton = ({ verb, confirm = false, calls, messages }: { verb: DocumentVerb; confirm?: boolean; calls: Record<DocumentVerb, (id: string) => Promise<unknown>>; messages: string }) => {
  const record = useRecordContext<{ id: string; number: string }>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState(false);
  if (!record) return null;
  const run = async () => {
    setAsking(false);
    setPending(true);
    try {
      await calls[verb](record.id);
      notify(`${messages}.${verb}Done`, { type: 'success', messageArgs: { number: record.number } });
      refresh();
    } catch (error) {
      notify(errorMessage(error), { type: 'error' });
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button label={`${messages}.${verb}`} onClick={() => (confirm ? setAsking(true) : run())} disabled={pending}>
        {ICONS[verb]}
      </Button>
      {confirm && (
        <Confirm
          isOpen={asking}
          title={`${messages}.${verb}Title`}
          content={`${messages}.${verb}Confirm`}
          translateOptions={{ number: record.number }}
          onConfirm={run}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
};
