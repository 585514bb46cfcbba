import TodayIcon from '@mui/icons-material/Today';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A screen, not a record type: the caller's day or week (myAgenda). */
const agenda: ResourceDef = {
  name: 'MyAgenda',
  ...lazyScreens(() => import('./AgendaScreen'), ['list']),
  icon: TodayIcon,
  permissions: { read: 'activity:read' },
  menu: 'crm',
};

export default agenda;
