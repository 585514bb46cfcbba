import { BarChart } from '@mui/x-charts/BarChart';
import { Box } from '@mui/material';
import type { ActivityReportQuery } from '@tradebook/client';
import { useListContext, useTranslate } from 'react-admin';
import { DayInput } from '../shared/dates';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

type Row = ActivityReportQuery['activityReport'][number];

const filters = [<DayInput key="from" source="from" alwaysOn />, <DayInput key="to" source="to" alwaysOn />];

const columns: Column<Row>[] = [
  { source: 'owner.name', label: 'resources.ActivityReport.fields.owner', sortable: false },
  { source: 'planned', kind: 'integer', sortable: false },
  { source: 'done', kind: 'integer', sortable: false },
  { source: 'overdue', kind: 'integer', sortable: false },
  { source: 'newClients', kind: 'integer', sortable: false },
  { source: 'dealsWon', kind: 'integer', sortable: false },
  { source: 'dealsWonAmount', kind: 'money', sortable: false },
  { source: 'dealsLost', kind: 'integer', sortable: false },
  { source: 'dealsLostAmount', kind: 'money', sortable: false },
  { source: 'orders', kind: 'integer', sortable: false },
  { source: 'revenue', kind: 'money', sortable: false },
];

/** Planned, done and overdue activities per manager, side by side. */
const Chart = () => {
  const { meta } = useListContext() as { meta?: { rows: Row[] } };
  const translate = useTranslate();
  const rows = meta?.rows ?? [];
  if (!rows.length) return null;
  const series = (['planned', 'done', 'overdue'] as const).map((key) => ({ data: rows.map((r) => r[key]), label: translate(`resources.ActivityReport.fields.${key}`) }));
  return (
    <Box sx={{ px: 2, pt: 2 }} data-testid="activity-report-chart">
      <BarChart height={260} xAxis={[{ scaleType: 'band', data: rows.map((r) => r.owner.name) }]} series={series} />
    </Box>
  );
};

/** The activity report: a row per manager of the period, with a chart of their activities. */
export const list = () => (
  <ResourceList columns={columns} filters={filters} search={false} perPage={100} className="activity-report" empty={false}>
    <Chart />
  </ResourceList>
);
