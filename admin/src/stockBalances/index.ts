import InventoryIcon from '@mui/icons-material/Inventory';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A report, not a record type: its rows come from `stockBalances` (data.ts). */
const stockBalances: ResourceDef = {
  name: 'StockBalance',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: InventoryIcon,
  permissions: { read: 'stock:read' },
  menu: 'stock',
  dataProvider: () => import('./data'),
};

export default stockBalances;
