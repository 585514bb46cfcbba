import InsightsIcon from '@mui/icons-material/Insights';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Activity control (issue 13 §11): per manager over a period, activities, new clients, deals closed, orders and revenue. */
const activityReport: ResourceDef = {
  name: 'ActivityReport',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: InsightsIcon,
  permissions: { read: 'activity:read' },
  menu: 'crm',
  dataProvider: () => import('./data'),
};

export default activityReport;
