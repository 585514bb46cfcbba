import SquareFootIcon from '@mui/icons-material/SquareFoot';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

const units: ResourceDef = {
  name: 'Unit',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: SquareFootIcon,
  recordRepresentation: 'code',
  permissions: { read: 'unit:read', create: 'unit:create', edit: 'unit:update' },
  menu: 'settings',
};

export default units;
