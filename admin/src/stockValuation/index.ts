import AssessmentIcon from '@mui/icons-material/Assessment';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';
import { valuationTiles } from './tiles';

/** A report, not a record type: `stockValuation` rows by warehouse × group (data.ts), the totals below them. */
const stockValuation: ResourceDef = {
  name: 'StockValuation',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: AssessmentIcon,
  permissions: { read: 'stock:read' },
  menu: 'stock',
  dataProvider: () => import('./data'),
  tiles: valuationTiles,
};

export default stockValuation;
