import { AutocompleteInput, BooleanInput, ReferenceInput } from 'react-admin';
import type { PurchaseControlQuery } from '@tradebook/client';
import { DayInput } from '../shared/dates';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';

type Row = PurchaseControlQuery['purchaseControl'][number];

const filters = [
  <DayInput key="asOf" source="asOf" alwaysOn />,
  <ReferenceInput key="supplierId" source="supplierId" reference="Counterparty" filter={{ role: 'SUPPLIER' }} alwaysOn>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="onlyOpen" source="onlyOpen" alwaysOn />,
  <BooleanInput key="onlyOverdue" source="onlyOverdue" alwaysOn />,
];

const columns: Column<Row>[] = [
  { source: 'orderNumber', sortable: false },
  { source: 'lineNo', kind: 'integer', sortable: false },
  { source: 'product.sku', label: 'resources.PurchaseControl.fields.product', sortable: false },
  { source: 'expectedDate', kind: 'day', sortable: false },
  { source: 'ordered', kind: 'decimal', sortable: false },
  { source: 'received', kind: 'decimal', sortable: false },
  { source: 'remaining', kind: 'decimal', sortable: false },
  { source: 'overdue', kind: 'boolean', sortable: false },
  { source: 'onTime', kind: 'boolean', sortable: false },
  { source: 'delayDays', kind: 'integer', sortable: false },
  { source: 'priceVariance', kind: 'money', sortable: false },
];

/** Purchase control: what each order line has received and has left, whether it is overdue, how late and at what price it came. */
export const list = () => <ResourceList columns={columns} filters={filters} search={false} className="purchase-control" empty={false} />;
