import { useState, type ReactElement } from 'react';
import { Button, Confirm, useNotify, useRefresh } from 'react-admin';
import { useNotifyError } from './useNotifyError';

export interface ConfirmedActionProps {
  /** The button's words (a translation key). */
  label: string;
  icon: ReactElement;
  color?: 'primary' | 'error';
  /** The call to the API the button makes. */
  run: () => Promise<unknown>;
  /** What is said when it is done: a translation key and its arguments. */
  done: string;
  messageArgs?: Record<string, unknown>;
  /** Asks first, with a dialog of this title and text (translation keys, with messageArgs) and a button that says `button` (Confirm when left out). */
  confirm?: { title: string; content: string; button?: string };
  /** Whose field labels word a refusal. */
  resource?: string;
}

/**
 * A button that makes one call to the API (after a confirmation when `confirm` is given), then
 * says it is done and reloads the view; a refusal comes back as a notification in the reader's
 * words. Document verbs and revoking an API key are both one.
 */
export const ConfirmedAction = ({ label, icon, color, run, done, messageArgs, confirm, resource }: ConfirmedActionProps) => {
  const notify = useNotify();
  const notifyError = useNotifyError(resource);
  const refresh = useRefresh();
  const [pending, setPending] = useState(false);
  const [asking, setAsking] = useState(false);
  const act = async () => {
    setAsking(false);
    setPending(true);
    try {
      await run();
      notify(done, { type: 'success', messageArgs });
      refresh();
    } catch (error) {
      await notifyError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button label={label} color={color} onClick={() => (confirm ? setAsking(true) : act())} disabled={pending}>
        {icon}
      </Button>
      {confirm && (
        <Confirm
          isOpen={asking}
          title={confirm.title}
          content={confirm.content}
          translateOptions={messageArgs}
          confirm={confirm.button}
          confirmColor={confirm.button ? 'warning' : undefined}
          onConfirm={act}
          onClose={() => setAsking(false)}
        />
      )}
    </>
  );
};
