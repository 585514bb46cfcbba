import LockClockIcon from '@mui/icons-material/LockClock';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A screen, not a record type: only `list`. */
const periodClose: ResourceDef = {
  name: 'PeriodClose',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: LockClockIcon,
  permissions: { read: 'stockDocument:read' },
  menu: 'settings',
};

export default periodClose;
