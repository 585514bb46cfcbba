import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A report: per supplier, the orders of a period — OTIF %, average delay and price variance (data.ts). */
const supplierScorecard: ResourceDef = {
  name: 'SupplierScorecard',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: EmojiEventsIcon,
  permissions: { read: 'purchaseOrder:read' },
  menu: 'purchasing',
  dataProvider: () => import('./data'),
};

export default supplierScorecard;
