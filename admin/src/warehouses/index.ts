import WarehouseIcon from '@mui/icons-material/Warehouse';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

const warehouses: ResourceDef = {
  name: 'Warehouse',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: WarehouseIcon,
  recordRepresentation: 'name',
  permissions: { read: 'warehouse:read', create: 'warehouse:create', edit: 'warehouse:update' },
  menu: 'settings',
};

export default warehouses;
