import BlockIcon from '@mui/icons-material/Block';
import PublishIcon from '@mui/icons-material/Publish';
import UndoIcon from '@mui/icons-material/Undo';
import { useState, type ReactElement } from 'react';
import { Button, Confirm, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { api } from '../providers/sdk';
import type { DocumentRecord, DocumentType } from './documents/documentTypes';
import { useNotifyError } from './useNotifyError';

export type DocumentVerb = 'post' | 'unpost' | 'cancel';

const ICONS: Record<DocumentVerb, ReactElement> = { post: <PublishIcon />, unpost: <UndoIcon />, cancel: <BlockIcon /> };

const OPERATIONS = { post: 'Post', unpost: 'Unpost', cancel: 'Cancel' } as const;

/** `PostStockTransfer({ id })` and the like: every document type's verbs follow one naming in the SDK. */
const callVerb = (type: DocumentType, verb: DocumentVerb, id: string): Promise<unknown> => api()[`${OPERATIONS[verb]}${type}`]({ id });

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * Post, Unpost or Cancel a document through the SDK, then the view reloads; a refusal
 * (INVALID_STATE, INSUFFICIENT_STOCK, PERIOD_CLOSED…) comes back as a notification in the
 * reader's words. With `confirm` it asks first. Labels and messages are
 * `tradebook.<type>.<verb>`, `…Done`, `…Title`, `…Confirm` (tradebook.stockTransfer.post…).
 */
export const DocumentVerbButton = ({ type, verb, confirm = false }: { type: DocumentType; verb: DocumentVerb; confirm?: boolean }) => {
  const record = useRecordContext<DocumentRecord>();
  const notify = useNotify();
  const notifyError = useNotifyError(type);
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState(false);
  if (!record) return null;
  const messages = `tradebook.${lowerFirst(type)}`;
  const run = async () => {
    setAsking(false);
    setPending(true);
    try {
      await callVerb(type, verb, record.id);
      notify(`${messages}.${verb}Done`, { type: 'success', messageArgs: { number: record.number } });
      refresh();
    } catch (error) {
      await notifyError(error);
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
