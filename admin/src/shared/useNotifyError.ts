import { useDataProvider, useNotify, useTranslate } from 'react-admin';
import { fieldLabel } from './documents/documentTypes';
import { productLabel } from './products';
import { errorNotification, referencedRecords, type FieldNames } from './errors';
import { useDayFormat, useDecimalFormat } from './fields';

const NAMES = {
  Product: (p: { sku: string; name: string }) => productLabel(p),
  Warehouse: (w: { name: string }) => w.name,
} as const;

/** The labels of a document's or form's fields (`resources.<resource>.fields.<name>`) and its lines, for fieldErrorSummary. */
export function useFieldNames(resource: string): FieldNames {
  const translate = useTranslate();
  const label = fieldLabel(resource);
  return {
    field: (name) => translate(label(name), { _: name }),
    line: (number) => translate('tradebook.documents.line', { number }),
  };
}

/**
 * Notifies a failed SDK call in the reader's words: "Not enough E2E-1 Hammer in Main store:
 * 7 requested, 5 available" rather than the server's English and ids (see errorNotification);
 * field errors of `resource` as "Line 2, Manual amount: …".
 */
export function useNotifyError(resource?: string): (error: unknown) => Promise<void> {
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  const fields = useFieldNames(resource ?? '');
  return async (error) => {
    const names: Record<string, string> = {};
    await Promise.all(
      referencedRecords(error).map(async ({ resource: type, id }) => {
        try {
          const { data } = await dataProvider.getOne(type, { id });
          names[id] = NAMES[type](data);
        } catch {
          // a record the reader may not open keeps its id
        }
      }),
    );
    const { message, messageArgs } = errorNotification(error, { decimal, day, names, fields: resource ? fields : undefined });
    notify(message, { type: 'error', messageArgs });
  };
}
