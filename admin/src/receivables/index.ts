import AccountBalanceIcon from '@mui/icons-material/AccountBalance';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A report, not a record type: what each client owes as of a day, by how long it is overdue (data.ts), the totals below. */
const receivables: ResourceDef = {
  name: 'ReceivablesAgeing',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: AccountBalanceIcon,
  permissions: { read: 'settlement:read' },
  menu: 'sales',
  dataProvider: () => import('./data'),
};

export default receivables;
