import { Alert, Card, CardContent, Chip, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField, Typography } from '@mui/material';
import type { ClientImportField, ClientImportOnDuplicate, ClientImportPreviewQuery, ImportClientsMutation } from '@tradebook/client';
import { useState, type ChangeEvent } from 'react';
import { Button, Link, ResourceContextProvider, Title, useNotify, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { ENUMS } from '../shared/enums';
import { useFieldWords, useNotifyError } from '../shared/useNotifyError';
import { ACTION_COLOURS, fileAsBase64 } from './importFile';

/** A file of 10,000 rows takes the server half a minute or more to import: longer than the SDK waits by default (30 s), which would report a failure while the import commits. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

type Preview = ClientImportPreviewQuery['clientImportPreview'];
type Report = ImportClientsMutation['importClients'];

/** One column of the file: its header, a sample and the field it goes to ('' leaves it out). */
const ColumnRow = ({ column, sample, field, onChange }: { column: Preview['columns'][number]; sample: string; field: string; onChange: (field: string) => void }) => {
  const translate = useTranslate();
  return (
    <TableRow data-testid="import-column">
      <TableCell>{column.header || `#${column.index}`}</TableCell>
      <TableCell sx={{ color: 'text.secondary' }}>{sample}</TableCell>
      <TableCell>
        <MuiTextField select size="small" sx={{ minWidth: 220 }} value={field} onChange={(e) => onChange(e.target.value)} slotProps={{ select: { displayEmpty: true }, htmlInput: { 'aria-label': `${translate('tradebook.clientImport.field')} ${column.header}` } }}>
          <MenuItem value="">{translate('tradebook.clientImport.ignore')}</MenuItem>
          {ENUMS.ClientImportField.map((value) => (
            <MenuItem key={value} value={value}>
              {translate(`enums.ClientImportField.${value}`)}
            </MenuItem>
          ))}
        </MuiTextField>
      </TableCell>
    </TableRow>
  );
};

/** The report of a dry run or an import: a coloured action per row, the client, the reasons in the reader's words. */
const ReportTable = ({ report }: { report: Report }) => {
  const translate = useTranslate();
  const words = useFieldWords('ClientImport');
  return (
    <>
      <Alert severity={report.dryRun ? 'info' : 'success'} sx={{ my: 2 }} data-testid="import-summary">
        {translate(report.dryRun ? 'tradebook.clientImport.drySummary' : 'tradebook.clientImport.doneSummary', { created: report.created, updated: report.updated, skipped: report.skipped, refused: report.refused })}
      </Alert>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('tradebook.clientImport.row')}</TableCell>
            <TableCell>{translate('tradebook.clientImport.action')}</TableCell>
            <TableCell>{translate('tradebook.clientImport.client')}</TableCell>
            <TableCell>{translate('tradebook.clientImport.reasons')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {report.rows.map((row) => (
            <TableRow key={row.row} data-testid="import-row" data-action={row.action}>
              <TableCell>{row.row}</TableCell>
              <TableCell>
                <Chip size="small" color={ACTION_COLOURS[row.action]} label={translate(`enums.ClientImportAction.${row.action}`)} />
              </TableCell>
              <TableCell>{row.client?.id ? <Link to={`/Counterparty/${row.client.id}/show`}>{row.client.name}</Link> : (row.client?.name ?? '—')}</TableCell>
              <TableCell>{row.problems.map((p) => `${words.field(p.field)}: ${words.reason?.({ field: p.field, reason: p.reason, params: p.params as never, message: p.message }) ?? p.message}`).join('; ')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};

/**
 * The import wizard (issue 13 §2): choose an XLSX or CSV file, map its columns to client and
 * contact fields (the headers suggest them), see what a dry run would do with every row, then import.
 */
const ClientImport = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError('ClientImport');
  const [file, setFile] = useState<{ name: string; content: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mapping, setMapping] = useState<Record<number, string>>({});
  const [onDuplicate, setOnDuplicate] = useState<ClientImportOnDuplicate>('SKIP');
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setBusy(true);
    try {
      const content = await fileAsBase64(chosen);
      const { clientImportPreview } = await api().ClientImportPreview({ input: { file: content, fileName: chosen.name } }, { timeoutMs: IMPORT_TIMEOUT_MS });
      setFile({ name: chosen.name, content });
      setPreview(clientImportPreview);
      setMapping(Object.fromEntries(clientImportPreview.columns.map((c) => [c.index, c.suggestedField ?? ''])));
      setReport(null);
    } catch (e) {
      await notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    try {
      const chosen = Object.entries(mapping).filter(([, field]) => field).map(([column, field]) => ({ column: Number(column), field: field as ClientImportField }));
      const { importClients } = await api().ImportClients({ input: { file: file.content, fileName: file.name, mapping: chosen, dryRun, onDuplicate } }, { timeoutMs: IMPORT_TIMEOUT_MS });
      setReport(importClients);
      if (!dryRun) notify('tradebook.clientImport.imported', { type: 'success', messageArgs: { created: importClients.created, updated: importClients.updated } });
    } catch (e) {
      await notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const remap = (index: number, field: string) => {
    setMapping((m) => ({ ...m, [index]: field }));
    setReport(null);
  };

  return (
    <ResourceContextProvider value="ClientImport">
      <Title title={translate('tradebook.clientImport.title')} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('tradebook.clientImport.help')}
          </Typography>
          <input type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void choose(e)} aria-label={translate('tradebook.clientImport.file')} disabled={busy} />
          {preview && (
            <>
              <Typography variant="subtitle1" sx={{ mt: 2 }} data-testid="import-file">
                {translate('tradebook.clientImport.rows', { sheet: preview.sheet, rows: preview.totalRows })}
              </Typography>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('tradebook.clientImport.column')}</TableCell>
                    <TableCell>{translate('tradebook.clientImport.sample')}</TableCell>
                    <TableCell>{translate('tradebook.clientImport.field')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {preview.columns.map((column) => (
                    <ColumnRow key={column.index} column={column} sample={preview.rows[0]?.cells[column.index - 1] ?? ''} field={mapping[column.index] ?? ''} onChange={(field) => remap(column.index, field)} />
                  ))}
                </TableBody>
              </Table>
              <Stack direction="row" spacing={2} sx={{ mt: 2, alignItems: "center" }}>
                <MuiTextField select size="small" sx={{ minWidth: 260 }} label={translate('tradebook.clientImport.onDuplicate')} value={onDuplicate} onChange={(e) => { setOnDuplicate(e.target.value as ClientImportOnDuplicate); setReport(null); }}>
                  {ENUMS.ClientImportOnDuplicate.map((value) => (
                    <MenuItem key={value} value={value}>
                      {translate(`enums.ClientImportOnDuplicate.${value}`)}
                    </MenuItem>
                  ))}
                </MuiTextField>
                <Button label="tradebook.clientImport.dryRun" variant="outlined" onClick={() => void run(true)} disabled={busy} />
                <Button label="tradebook.clientImport.import" variant="contained" onClick={() => void run(false)} disabled={busy || !report?.dryRun} />
              </Stack>
            </>
          )}
          {report && <ReportTable report={report} />}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

export { ClientImport as list };
