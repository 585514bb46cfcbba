import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Customer orders: entered with the live price breakdown and availability, confirmed (reserving), released, re-reserved, cancelled. */
const orders: ResourceDef = {
  name: 'Order',
  ...lazyScreens(() => import('./screens'), ['list', 'show', 'create', 'edit']),
  icon: ShoppingCartIcon,
  recordRepresentation: 'number',
  permissions: { read: 'order:read', create: 'order:create', edit: 'order:update' },
  menu: 'sales',
};

export default orders;
