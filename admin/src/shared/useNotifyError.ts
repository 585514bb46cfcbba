import { useDataProvider, useNotify } from 'react-admin';
import { productLabel } from './products';
import { errorNotification, referencedRecords } from './errors';
import { useDayFormat, useDecimalFormat } from './fields';

const NAMES = {
  Product: (p: { sku: string; name: string }) => productLabel(p),
  Warehouse: (w: { name: string }) => w.name,
} as const;

/**
 * Notifies a failed SDK call in the reader's words: "Not enough E2E-1 Hammer in Main store:
 * 7 requested, 5 available" rather than the server's English and ids (see errorNotification).
 */
export function useNotifyError(): (error: unknown) => Promise<void> {
  const notify = useNotify();
  const dataProvider = useDataProvider();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  return async (error) => {
    const names: Record<string, string> = {};
    await Promise.all(
      referencedRecords(error).map(async ({ resource, id }) => {
        try {
          const { data } = await dataProvider.getOne(resource, { id });
          names[id] = NAMES[resource](data);
        } catch {
          // a record the reader may not open keeps its id
        }
      }),
    );
    const { message, messageArgs } = errorNotification(error, { decimal, day, names });
    notify(message, { type: 'error', messageArgs });
  };
}
