import SecurityIcon from '@mui/icons-material/Security';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

const roles: ResourceDef = {
  name: 'Role',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: SecurityIcon,
  permissions: { read: 'user:update' },
  menu: 'settings',
};

export default roles;
