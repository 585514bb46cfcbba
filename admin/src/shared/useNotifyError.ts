import { useDataProvider, useNotify, useResourceContext, useTranslate, type HttpError } from 'react-admin';
import { fieldLabel } from './documents/documentTypes';
import { errorNotification, referencedRecords, refusedFields, type ReferencedRecord } from './errors';
import { fieldErrorSummary, formFieldTexts, reasonWords, type FieldWords } from './fieldErrors';
import { useDayFormat, useDecimalFormat } from './fields';
import { productLabel } from './products';

/** What a referenced record is called in a message: a product by SKU and name, a warehouse by name, a document by number. */
const nameOf = (resource: ReferencedRecord['resource'], record: { sku?: string; name?: string; number?: string }) =>
  resource === 'Product' ? productLabel(record as { sku: string; name: string }) : resource === 'Warehouse' ? record.name : record.number;

/**
 * How a resource's form words its field errors: its fields' labels (`resources.<resource>.fields.<name>`,
 * `bank.bik` by its full path first), its lines, and the catalogue's words for each reason.
 */
export function useFieldWords(resource: string): FieldWords {
  const translate = useTranslate();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  const label = fieldLabel(resource);
  const field = (name: string) => translate(label(name), { _: translate(label(name.split('.').pop()!), { _: name }) });
  return {
    field,
    line: (number) => translate('tradebook.documents.line', { number }),
    reason: reasonWords({ translate, decimal: (v) => decimal(v), day: (v) => day(v), field }),
  };
}

/**
 * Words a failed SDK call or save in the reader's language: "Not enough E2E-1 Hammer in Main store:
 * 7 requested, 5 available", "…taken by Stock transfer TR-2026-000003" rather than the server's
 * English and ids (see errorNotification); field errors of `resource` as "Line 2, Manual amount: …".
 */
export function useErrorText(resource?: string): (error: unknown) => Promise<{ message: string; messageArgs?: Record<string, unknown> }> {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  const fields = useFieldWords(resource ?? '');
  const documentType = (type: string) => translate(`resources.${type}.name`, { smart_count: 1, _: type });
  return async (error) => {
    const names: Record<string, string> = {};
    const records = referencedRecords(error);
    await Promise.all(
      [...new Set(records.map((r) => r.resource))].map(async (type) => {
        try {
          const { data } = await dataProvider.getMany(type, { ids: records.filter((r) => r.resource === type).map((r) => r.id) });
          for (const record of data) names[record.id] = nameOf(type, record) ?? record.id;
        } catch {
          // records the reader may not open keep their ids (documents their type's name)
        }
      }),
    );
    return errorNotification(error, { decimal, day, documentType, names, fields: resource ? fields : undefined });
  };
}

/** Notifies a failed SDK call or save in the reader's words (useErrorText). */
export function useNotifyError(resource?: string): (error: unknown) => Promise<void> {
  const notify = useNotify();
  const errorText = useErrorText(resource);
  return async (error) => {
    const { message, messageArgs } = await errorText(error);
    notify(message, { type: 'error', messageArgs });
  };
}

/**
 * What a form does with a failed save or submit of `resource`: field errors stay at their inputs
 * and, as one sentence in the reader's words, become the form's notification (react-admin's
 * `root.serverError`), naming the fields without an input too ("Line 3, Manual amount: …");
 * any other failure is notified by useNotifyError. Returns the errors for the form.
 */
export function useFormErrors(resource: string): (error: unknown) => Record<string, unknown> {
  const notifyError = useNotifyError(resource);
  const words = useFieldWords(resource);
  return (error) => {
    const refused = refusedFields(error);
    if (refused.length) return { ...formFieldTexts(refused, words), root: { serverError: fieldErrorSummary(refused, words) } };
    void notifyError(error);
    return {};
  };
}

/** useFormErrors for react-admin's Create and Edit of the current resource, as their `mutationOptions`: the errors go where the form reads them, the HttpError's body. */
export function useSaveErrorOptions(): { onError: (error: unknown) => void } {
  const formErrors = useFormErrors(useResourceContext() ?? '');
  return {
    onError: (error) => {
      const errors = formErrors(error);
      const body = (error as HttpError | undefined)?.body as { errors?: Record<string, unknown> } | undefined;
      // the English from the server gives way to the reader's words
      if (body?.errors) Object.assign(body.errors, errors);
    },
  };
}
