import BlockIcon from '@mui/icons-material/Block';
import PublishIcon from '@mui/icons-material/Publish';
import UndoIcon from '@mui/icons-material/Undo';
import type { ReactElement } from 'react';
import { useRecordContext } from 'react-admin';
import { api } from '../providers/sdk';
import { ConfirmedAction } from './ConfirmedAction';
import type { DocumentRecord, DocumentType } from './documents/documentTypes';

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
  if (!record) return null;
  const messages = `tradebook.${lowerFirst(type)}`;
  return (
    <ConfirmedAction
      label={`${messages}.${verb}`}
      icon={ICONS[verb]}
      run={() => callVerb(type, verb, record.id)}
      done={`${messages}.${verb}Done`}
      messageArgs={{ number: record.number }}
      confirm={confirm ? { title: `${messages}.${verb}Title`, content: `${messages}.${verb}Confirm` } : undefined}
      resource={type}
    />
  );
};
