import PriceCheckIcon from '@mui/icons-material/PriceCheck';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A screen, not a record type: only `list`. */
const priceCheck: ResourceDef = {
  name: 'PriceCheck',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: PriceCheckIcon,
  permissions: { read: 'price:read' },
  menu: 'sales',
};

export default priceCheck;
