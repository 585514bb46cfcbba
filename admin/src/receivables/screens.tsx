import { Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import type { ReceivablesAgeingQuery } from '@tradebook/client';
import { DayInput } from '../shared/dates';
import { useDayFormat, useMoneyFormat } from '../shared/fields';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { Reconciliation } from './Reconciliation';

type Row = ReceivablesAgeingQuery['receivablesAgeing']['items'][number];

const BUCKETS = ['receivable', 'notDue', 'overdue1to30', 'overdue31to60', 'overdue61to90', 'overdueOver90', 'advances', 'balance'] as const;

const columns: Column<Row>[] = [{ source: 'client.name', label: 'resources.ReceivablesAgeing.fields.client', sortable: false }, ...BUCKETS.map((source) => ({ source, kind: 'money' as const, sortable: false }))];

const filters = [<DayInput key="asOf" source="asOf" alwaysOn />];

/** The totals of every client under the page, as of the report's day. */
const Totals = () => {
  const { meta } = useListContext() as { meta?: { asOf: string; totals: Row } };
  const translate = useTranslate();
  const money = useMoneyFormat();
  const day = useDayFormat();
  if (!meta) return null;
  return (
    <>
      <Typography variant="subtitle2" color="text.secondary" data-testid="ageing-as-of" sx={{ px: 2, pt: 2 }}>
        {translate('resources.ReceivablesAgeing.fields.asOfDay', { date: day(meta.asOf) })}
      </Typography>
      <Table size="small" className="ageing-totals" aria-label={translate('resources.ReceivablesAgeing.fields.total')}>
        <TableBody>
          <TableRow>
            <TableCell sx={{ fontWeight: 600 }}>{translate('resources.ReceivablesAgeing.fields.total')}</TableCell>
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

/** Receivables ageing: per client, not yet due and overdue 1–30, 31–60, 61–90, over 90 days, advances apart; a reconciliation statement below. */
const ReceivablesList = () => (
  <>
    <ResourceList columns={columns} filters={filters} search={false} className="receivables-ageing" empty={false}>
      <Totals />
    </ResourceList>
    <Reconciliation />
  </>
);

export { ReceivablesList as list };
