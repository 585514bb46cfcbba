import AccountBalanceWalletIcon from '@mui/icons-material/AccountBalanceWallet';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A report, not a record type: what we owe each supplier as of a day, by how long it is overdue (data.ts), with the reconciliation statement. */
const payables: ResourceDef = {
  name: 'PayablesAgeing',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: AccountBalanceWalletIcon,
  permissions: { read: 'supplierSettlement:read' },
  menu: 'purchasing',
  dataProvider: () => import('./data'),
};

export default payables;
