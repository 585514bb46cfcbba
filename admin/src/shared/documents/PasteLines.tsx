import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import type { PasteReport } from './pasteLines';

/** Where to paste lines by keyboard: rows copied from a spreadsheet, SKU and quantity (and price) per row. */
export const PasteLinesDialog = ({ withPrice, onPaste, onClose }: { withPrice: boolean; onPaste: (text: string) => Promise<void>; onClose: () => void }) => {
  const translate = useTranslate();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby="paste-lines-title">
      <DialogTitle id="paste-lines-title">{translate('tradebook.lines.pasteTitle')}</DialogTitle>
      <DialogContent>
        <TextField
          autoFocus
          multiline
          minRows={8}
          fullWidth
          value={text}
          onChange={(event) => setText(event.target.value)}
          helperText={translate(withPrice ? 'tradebook.lines.pasteHelpWithPrice' : 'tradebook.lines.pasteHelp')}
          slotProps={{ htmlInput: { 'aria-label': translate('tradebook.lines.pasteTitle'), name: 'pastedLines' } }}
        />
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button
          label="tradebook.lines.pasteAction"
          variant="contained"
          disabled={busy || !text.trim()}
          onClick={async () => {
            setBusy(true);
            await onPaste(text).finally(() => setBusy(false));
          }}
        />
      </DialogActions>
    </Dialog>
  );
};

/** What became of every pasted row: added, or why not (unknown SKU, inactive, not goods, a quantity or price that is not a number). */
export const PasteReportPanel = ({ report, onClose }: { report: PasteReport[]; onClose: () => void }) => {
  const translate = useTranslate();
  const added = report.filter((r) => r.outcome === 'ADDED').length;
  const refused = report.filter((r) => r.outcome !== 'ADDED');
  return (
    <Alert severity={refused.length ? 'warning' : 'success'} onClose={onClose} sx={{ mt: 1 }} data-testid="paste-report">
      {translate('tradebook.lines.pasted', { added, rows: report.length })}
      {refused.length > 0 && (
        <Table size="small" aria-label={translate('tradebook.lines.pasteRefused')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('tradebook.lines.pasteRow')}</TableCell>
              <TableCell>{translate('resources.Product.fields.sku')}</TableCell>
              <TableCell>{translate('tradebook.lines.pasteReason')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {refused.map((r) => (
              <TableRow key={r.row}>
                <TableCell>{r.row}</TableCell>
                <TableCell>{r.sku || '—'}</TableCell>
                <TableCell>{translate(`tradebook.lines.outcomes.${r.outcome}`)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Alert>
  );
};
