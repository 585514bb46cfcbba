import PeopleIcon from '@mui/icons-material/People';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Users and their roles: administrators only (user:create / user:update). */
const users: ResourceDef = {
  name: 'User',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: PeopleIcon,
  recordRepresentation: 'name',
  permissions: { read: 'user:update', create: 'user:create', edit: 'user:update' },
  menu: 'settings',
};

export default users;
