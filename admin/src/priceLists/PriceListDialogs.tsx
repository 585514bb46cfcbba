import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import {
  AutocompleteInput, Button, Form, ReferenceInput, ResourceContextProvider, SaveButton, TextInput, required, useGetOne, useNotify, useRedirect, useRefresh, useTranslate,
} from 'react-admin';
import { DayInput } from '../shared/dates';
import { useDecimalFormat } from '../shared/fields';
import type { ImportPriceListMutation } from '@tradebook/client';
import { api } from '../providers/sdk';
import { EnumInput } from '../shared/enums';
import { today } from '../shared/fields';
import { parseDecimal } from '../shared/forms';
import { useFormErrors } from '../shared/useNotifyError';

type Values = Record<string, string | null | undefined>;

/** A price type that takes prices by hand (derivation NONE): the only kind a list is written for. */
const ManualPriceTypeInput = () => (
  <ReferenceInput source="priceTypeId" reference="PriceType" filter={{ derivation: 'NONE', active: true }} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput validate={required()} />
  </ReferenceInput>
);

/** A dialog holding a react-admin form in the PriceList resource (labels resources.PriceList.fields.*). */
const FormDialog = ({ open, onClose, title, onSubmit, defaultValues, submitLabel, submitIcon, children, extraActions }: {
  open: boolean;
  onClose: () => void;
  title: string;
  onSubmit: (values: Values) => Promise<Record<string, unknown> | undefined>;
  defaultValues: Values;
  submitLabel: string;
  submitIcon: ReactNode;
  children: ReactNode;
  extraActions?: ReactNode;
}) => {
  const translate = useTranslate();
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="price-list-dialog-title">
      <DialogTitle id="price-list-dialog-title">{translate(title)}</DialogTitle>
      <ResourceContextProvider value="PriceList">
        <Form onSubmit={(values: Record<string, unknown>) => onSubmit(values as Values)} defaultValues={defaultValues}>
          <DialogContent sx={{ display: 'flex', flexDirection: 'column' }}>{children}</DialogContent>
          <DialogActions>
            {extraActions}
            <Button label="ra.action.close" onClick={onClose} />
            <SaveButton label={submitLabel} icon={<>{submitIcon}</>} alwaysEnable />
          </DialogActions>
        </Form>
      </ResourceContextProvider>
    </Dialog>
  );
};

/** Reads the chosen file into the csv textarea, and its name for the draft's comment. */
const CsvFileInput = () => {
  const { setValue } = useFormContext();
  const translate = useTranslate();
  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setValue('csv', await file.text(), { shouldDirty: true, shouldValidate: true });
    if (file) setValue('fileName', file.name);
  };
  return (
    <label style={{ margin: '8px 0 16px' }}>
      {translate('tradebook.priceList.csvFile')}{' '}
      <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={read} aria-label={translate('tradebook.priceList.csvFile')} />
    </label>
  );
};

type ImportResult = ImportPriceListMutation['importPriceList'];

/** Every row left out of the import, with the reason: nothing is dropped silently. */
const ImportReport = ({ result }: { result: ImportResult }) => {
  const translate = useTranslate();
  // a row's reason in the reader's words (tradebook.priceList.rowReasons), the API's English where the console has none
  const rowReason = (e: ImportResult['rowErrors'][number]) => {
    const params = e.params as Record<string, unknown>;
    const field = typeof params.field === 'string' ? translate(`resources.PriceList.fields.${params.field}`) : undefined;
    return translate(`tradebook.priceList.rowReasons.${e.reason}`, { ...params, field, _: e.message });
  };
  const { priceList, rowErrors } = result;
  return (
    <>
      <Alert severity={rowErrors.length ? 'warning' : 'success'} sx={{ mt: 1 }}>
        {translate('tradebook.priceList.importSummary', { number: priceList.number, lines: priceList.lines.length, errors: rowErrors.length })}
      </Alert>
      {rowErrors.length > 0 && (
        <Table size="small" aria-label={translate('tradebook.priceList.rowErrors')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('tradebook.priceList.row')}</TableCell>
              <TableCell>{translate('resources.PriceList.fields.sku')}</TableCell>
              <TableCell>{translate('tradebook.priceList.reason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rowErrors.map((e) => (
              <TableRow key={e.row}>
                <TableCell>{e.row}</TableCell>
                <TableCell>{e.sku ?? '—'}</TableCell>
                <TableCell>{rowReason(e)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
};

/** "Import CSV": price type, date and the rows "SKU;price" (typed or from a file) → a draft IMPORT list and the per-row error report. */
export const ImportCsvButton = () => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const notify = useNotify();
  const formErrors = useFormErrors('PriceList');
  const refresh = useRefresh();
  const redirect = useRedirect();
  const close = () => {
    setOpen(false);
    setResult(null);
  };
  const submit = async (values: Values) => {
    try {
      const comment = values.comment || translate(values.fileName ? 'tradebook.priceList.importedFrom' : 'tradebook.priceList.imported', { file: values.fileName });
      const { importPriceList } = await api().ImportPriceList({ priceTypeId: values.priceTypeId!, date: values.date!, csv: values.csv ?? '', comment });
      setResult(importPriceList);
      notify('tradebook.priceList.importSummary', {
        type: importPriceList.rowErrors.length ? 'warning' : 'success',
        messageArgs: { number: importPriceList.priceList.number, lines: importPriceList.priceList.lines.length, errors: importPriceList.rowErrors.length },
      });
      refresh();
      return undefined;
    } catch (error) {
      return formErrors(error);
    }
  };
  return (
    <>
      <Button label="tradebook.priceList.import" onClick={() => setOpen(true)}>
        <UploadFileIcon />
      </Button>
      {open && (
        <FormDialog
          open
          onClose={close}
          title="tradebook.priceList.importTitle"
          onSubmit={submit}
          defaultValues={{ date: today(), csv: 'SKU;price\n' }}
          submitLabel="tradebook.priceList.importAction"
          submitIcon={<UploadFileIcon />}
          extraActions={result && <Button label="tradebook.priceList.openDraft" onClick={() => redirect('show', 'PriceList', result.priceList.id)} />}
        >
          <ManualPriceTypeInput />
          <DayInput source="date" validate={required()} />
          <CsvFileInput />
          <TextInput source="csv" multiline minRows={6} fullWidth validate={required()} helperText="tradebook.priceList.csvHelp" />
          <TextInput source="comment" fullWidth />
          {result && <ImportReport result={result} />}
        </FormDialog>
      )}
    </>
  );
};

/** "Reprice group": every product of a group priced on a date, changed by a percent and rounded → the new draft opens. */
export const RepriceGroupButton = () => {
  const [open, setOpen] = useState(false);
  const [groupId, setGroupId] = useState<string | undefined>();
  const notify = useNotify();
  const translate = useTranslate();
  const decimal = useDecimalFormat();
  const formErrors = useFormErrors('PriceList');
  const redirect = useRedirect();
  const { data: group } = useGetOne<{ id: string; path: string }>('ProductGroup', { id: groupId ?? '' }, { enabled: !!groupId });
  const submit = async (values: Values) => {
    try {
      // the new draft says what was done in the reader's words, not the API's English default
      const percent = Number(values.percent);
      const comment = translate('tradebook.priceList.repricedComment', {
        group: group?.path ?? '',
        change: `${percent < 0 ? '−' : '+'}${decimal(String(Math.abs(percent)))}`,
        rounding: translate(`enums.PriceRounding.${values.rounding}`),
      });
      const { repriceGroup } = await api().RepriceGroup({
        groupId: values.groupId!,
        priceTypeId: values.priceTypeId!,
        percent: values.percent!,
        rounding: values.rounding as 'KOPECK' | 'ROUBLE' | 'TEN_ROUBLES',
        validFrom: values.validFrom!,
        comment,
      });
      notify('tradebook.priceList.repriced', { type: 'success', messageArgs: { number: repriceGroup.number, lines: repriceGroup.lines.length } });
      setOpen(false);
      redirect('show', 'PriceList', repriceGroup.id);
      return undefined;
    } catch (error) {
      return formErrors(error);
    }
  };
  return (
    <>
      <Button label="tradebook.priceList.reprice" onClick={() => setOpen(true)}>
        <TrendingUpIcon />
      </Button>
      {open && (
        <FormDialog
          open
          onClose={() => setOpen(false)}
          title="tradebook.priceList.repriceTitle"
          onSubmit={submit}
          defaultValues={{ validFrom: today(), rounding: 'KOPECK' }}
          submitLabel="tradebook.priceList.repriceAction"
          submitIcon={<TrendingUpIcon />}
        >
          <ReferenceInput source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
            <AutocompleteInput optionText="path" validate={required()} onChange={(id: string) => setGroupId(id || undefined)} />
          </ReferenceInput>
          <ManualPriceTypeInput />
          <TextInput source="percent" validate={required()} parse={parseDecimal} helperText="tradebook.priceList.percentHelp" />
          <EnumInput source="rounding" enumName="PriceRounding" validate={required()} />
          <DayInput source="validFrom" validate={required()} />
        </FormDialog>
      )}
    </>
  );
};
