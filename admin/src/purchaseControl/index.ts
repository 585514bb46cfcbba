import FactCheckIcon from '@mui/icons-material/FactCheck';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A report: per line of posted purchase orders, ordered / received / remaining, overdue, delay and price variance (data.ts). */
const purchaseControl: ResourceDef = {
  name: 'PurchaseControl',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: FactCheckIcon,
  permissions: { read: 'purchaseOrder:read' },
  menu: 'purchasing',
  dataProvider: () => import('./data'),
};

export default purchaseControl;
