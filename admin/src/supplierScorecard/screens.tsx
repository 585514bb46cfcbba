import type { SupplierScorecardQuery } from '@tradebook/client';
import { DayInput } from '../shared/dates';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

type Row = SupplierScorecardQuery['supplierScorecard'][number];

const filters = [<DayInput key="dateFrom" source="dateFrom" alwaysOn />, <DayInput key="dateTo" source="dateTo" alwaysOn />];

const columns: Column<Row>[] = [
  { source: 'supplier.name', label: 'resources.SupplierScorecard.fields.supplier', sortable: false },
  { source: 'orders', kind: 'integer', sortable: false },
  { source: 'lines', kind: 'integer', sortable: false },
  { source: 'linesOnTimeInFull', kind: 'integer', sortable: false },
  { source: 'otifPercent', kind: 'decimal', sortable: false },
  { source: 'averageDelayDays', kind: 'decimal', sortable: false },
  { source: 'priceVariance', kind: 'money', sortable: false },
];

/** The supplier scorecard: how many lines came in full and on time, how late the rest, and what they charged above the orders. */
export const list = () => <ResourceList columns={columns} filters={filters} search={false} className="supplier-scorecard" empty={false} />;
