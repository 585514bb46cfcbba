import LayersIcon from '@mui/icons-material/Layers';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A report, not a record type: a product's lots in a warehouse (data.ts). */
const lots: ResourceDef = {
  name: 'StockLot',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: LayersIcon,
  permissions: { read: 'stock:read' },
  menu: 'stock',
  dataProvider: () => import('./data'),
};

export default lots;
