import Inventory2Icon from '@mui/icons-material/Inventory2';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

const products: ResourceDef = {
  name: 'Product',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: Inventory2Icon,
  recordRepresentation: (record: { sku: string; name: string }) => `${record.sku} ${record.name}`,
  permissions: { read: 'product:read', create: 'product:create', edit: 'product:update' },
  menu: 'stock',
};

export default products;
