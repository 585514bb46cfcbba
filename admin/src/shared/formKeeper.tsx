import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';
import { useLocation } from 'react-router-dom';

/**
 * Keeps a half-typed form through a language switch. react-admin redraws the whole console
 * when the language changes, which would start every form again from its record; the
 * language menu first takes a snapshot of each changed form (keepForms), and each form,
 * drawn again on the same page, takes its values back.
 */
const forms = new Map<string, () => Record<string, unknown>>();
const kept = new Map<string, Record<string, unknown>>();

/** Snapshots every form on screen (an untouched one comes back as it was): the language menu calls it before switching. */
export function keepForms(): void {
  for (const [page, values] of forms) kept.set(page, values());
}

/** Put inside a form: registers it for keepForms and takes back its snapshot once drawn again. */
export const KeepOnLanguageSwitch = ({ name = '' }: { name?: string }) => {
  const { getValues, reset } = useFormContext();
  const { pathname } = useLocation();
  const page = `${pathname}#${name}`;
  useEffect(() => {
    forms.set(page, () => structuredClone(getValues()));
    const snapshot = kept.get(page);
    // after react-admin has set the form from its record (its effect runs after this one)
    const restore = snapshot ? setTimeout(() => reset(snapshot, { keepDefaultValues: true }), 0) : undefined;
    kept.delete(page);
    return () => {
      forms.delete(page);
      if (restore) clearTimeout(restore);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [page]);
  return null;
};
