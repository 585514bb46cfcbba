import PrintIcon from '@mui/icons-material/Print';
import { Box, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useState } from 'react';
import { AutocompleteInput, Button, Form, ReferenceInput, SaveButton, required, useLocaleState, useTranslate } from 'react-admin';
import type { ReconciliationStatementQuery } from '@tradebook/client';
import { api } from '../providers/sdk';
import { DayInput } from '../shared/dates';
import { today, useDayFormat, useMoneyFormat } from '../shared/fields';
import { useNotifyError } from '../shared/useNotifyError';

/** A statement as both sides' queries read it (the counterparty is the one asked about). */
export type Statement = Omit<NonNullable<ReconciliationStatementQuery['reconciliationStatement']>, 'client'> & { id: string };

/** Whose statement: clients' (receivables) or suppliers' (payables) — the report it sits under, the counterparties to pick, how it is read and printed. */
export interface ReconciliationSide {
  resource: 'ReceivablesAgeing' | 'PayablesAgeing';
  role: 'CLIENT' | 'SUPPLIER';
  printType: 'client' | 'supplier';
  load: (id: string, from: string, to: string) => Promise<Statement | null>;
}

export const clientSide: ReconciliationSide = {
  resource: 'ReceivablesAgeing',
  role: 'CLIENT',
  printType: 'client',
  load: async (id, from, to) => {
    const { reconciliationStatement: s } = await api().ReconciliationStatement({ clientId: id, from, to });
    return s ? { ...s, id } : null;
  },
};

/**
 * A reconciliation statement (акт сверки) of one counterparty for a period: the opening
 * balance, every document with its debit or credit, the closing balance (by our books, + in our favour).
 */
export const Reconciliation = ({ side = clientSide }: { side?: ReconciliationSide }) => {
  const label = (name: string) => `resources.${side.resource}.fields.${name}`;
  const translate = useTranslate();
  const money = useMoneyFormat();
  const day = useDayFormat();
  const notifyError = useNotifyError(side.resource);
  const [statement, setStatement] = useState<Statement | null>(null);
  const [locale] = useLocaleState();
  /** The statement as the printed акт сверки, in a new tab through a signed link of this counterparty and period. */
  const print = async () => {
    if (!statement) return;
    const tab = window.open('', '_blank');
    try {
      const { printLink } = await api().PrintLink({ documentType: side.printType, id: statement.id, form: 'reconciliation', lang: locale === 'ru' ? 'ru' : 'en', from: statement.from, to: statement.to });
      if (tab) tab.location.href = printLink.url;
      else window.location.assign(printLink.url);
    } catch (error) {
      tab?.close();
      await notifyError(error);
    }
  };
  const run = async (values: Record<string, unknown>) => {
    try {
      setStatement(await side.load(String(values.counterpartyId), String(values.from), String(values.to)));
    } catch (error) {
      await notifyError(error);
    }
  };
  const first = today().slice(0, 8) + '01';
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h6">{translate(label('reconciliation'))}</Typography>
        <Form onSubmit={run} defaultValues={{ from: first, to: today() }}>
          <ReferenceInput source="counterpartyId" reference="Counterparty" filter={{ role: side.role }} sort={{ field: 'name', order: 'ASC' }}>
            <AutocompleteInput optionText="name" label={label(side.role === 'CLIENT' ? 'client' : 'supplier')} validate={required()} sx={{ width: 360 }} />
          </ReferenceInput>
          <DayInput source="from" label={label('from')} validate={required()} />
          <DayInput source="to" label={label('to')} validate={required()} />
          <SaveButton label={label('show')} alwaysEnable />
        </Form>
        {statement && (
          <Box sx={{ mt: 1 }}>
            <Button label="tradebook.print.button" onClick={print}>
              <PrintIcon />
            </Button>
          </Box>
        )}
        {statement && (
          <Table size="small" className="reconciliation" aria-label={translate(label('reconciliation'))} sx={{ mt: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell>{translate(label('date'))}</TableCell>
                <TableCell>{translate(label('document'))}</TableCell>
                <TableCell align="right">{translate(label('debit'))}</TableCell>
                <TableCell align="right">{translate(label('credit'))}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              <TableRow>
                <TableCell colSpan={2}>{translate(label('opening'), { date: day(statement.from) })}</TableCell>
                <TableCell align="right" colSpan={2} data-testid="reconciliation-opening">
                  {money(statement.opening)}
                </TableCell>
              </TableRow>
              {statement.lines.map((line, i) => (
                <TableRow key={i}>
                  <TableCell>{day(line.date)}</TableCell>
                  <TableCell>{translate(`resources.${line.documentType}.name`, { smart_count: 1, _: line.documentType })} {line.number}</TableCell>
                  <TableCell align="right">{Number(line.debit) ? money(line.debit) : ''}</TableCell>
                  <TableCell align="right">{Number(line.credit) ? money(line.credit) : ''}</TableCell>
                </TableRow>
              ))}
              <TableRow>
                <TableCell colSpan={2}>{translate(label('turnover'))}</TableCell>
                <TableCell align="right">{money(statement.debit)}</TableCell>
                <TableCell align="right">{money(statement.credit)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell colSpan={2}>{translate(label('closing'), { date: day(statement.to) })}</TableCell>
                <TableCell align="right" colSpan={2} data-testid="reconciliation-closing">
                  {money(statement.closing)}
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
