import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import type { ReceivablesAgeingQuery } from '@tradebook/client';
import { DayInput } from '../shared/dates';
import { useDayFormat, useMoneyFormat } from '../shared/fields';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { clientSide, Reconciliation, type ReconciliationSide } from './Reconciliation';

type Row = ReceivablesAgeingQuery['receivablesAgeing']['items'][number];

const BUCKETS = ['receivable', 'notDue', 'overdue1to30', 'overdue31to60', 'overdue61to90', 'overdueOver90', 'advances', 'balance'] as const;

const filters = [<DayInput key="asOf" source="asOf" alwaysOn />];

/** The totals of every counterparty under the page, as of the report's day. */
const Totals = ({ resource }: { resource: string }) => {
  const { meta } = useListContext() as { meta?: { asOf: string; totals: Row } };
  const translate = useTranslate();
  const money = useMoneyFormat();
  const day = useDayFormat();
  if (!meta) return null;
  return (
    <>
      <Typography variant="subtitle2" color="text.secondary" data-testid="ageing-as-of" sx={{ px: 2, pt: 2 }}>
        {translate(`resources.${resource}.fields.asOfDay`, { date: day(meta.asOf) })}
      </Typography>
      <Table size="small" className="ageing-totals" aria-label={translate(`resources.${resource}.fields.total`)}>
        <TableBody>
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>{translate(`resources.${resource}.fields.total`)}</TableCell>
            {BUCKETS.map((bucket) => (
              <TableCell key={bucket} align="right" sx={{ fontWeight: 600 }}>
                {money(meta.totals[bucket])}
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
    </>
  );
};

/**
 * An ageing report: per counterparty, not yet due and overdue 1–30, 31–60, 61–90, over 90
 * days, advances apart, the totals below; a reconciliation statement under it. Receivables
 * (what clients owe) and payables (what we owe suppliers) are the same report.
 */
export const AgeingReport = ({ side, className }: { side: ReconciliationSide; className: string }) => {
  const party = side.role === 'CLIENT' ? 'client' : 'supplier';
  const columns: Column<Row>[] = [{ source: 'client.name', label: `resources.${side.resource}.fields.${party}`, sortable: false }, ...BUCKETS.map((source) => ({ source, kind: 'money' as const, sortable: false }))];
  return (
    <>
      <ResourceList columns={columns} filters={filters} search={false} className={className} empty={false}>
        <Totals resource={side.resource} />
      </ResourceList>
      <Reconciliation side={side} />
    </>
  );
};

/** Receivables ageing: what each client owes. */
const ReceivablesList = () => <AgeingReport side={clientSide} className="receivables-ageing" />;

export { ReceivablesList as list };
