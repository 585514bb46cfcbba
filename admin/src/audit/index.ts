import HistoryIcon from '@mui/icons-material/History';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

const audit: ResourceDef = {
  name: 'AuditEntry',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: HistoryIcon,
  permissions: { read: 'audit:read' },
  menu: 'settings',
};

export default audit;
