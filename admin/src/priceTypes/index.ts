import SellIcon from '@mui/icons-material/Sell';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

const priceTypes: ResourceDef = {
  name: 'PriceType',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: SellIcon,
  recordRepresentation: (record: { code: string; name: string }) => `${record.code} — ${record.name}`,
  permissions: { read: 'priceType:read', create: 'priceType:create', edit: 'priceType:update' },
  menu: 'prices',
};

export default priceTypes;
