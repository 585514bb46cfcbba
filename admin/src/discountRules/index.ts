import DiscountIcon from '@mui/icons-material/Discount';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

const discountRules: ResourceDef = {
  name: 'DiscountRule',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: DiscountIcon,
  recordRepresentation: 'name',
  permissions: { read: 'discountRule:read', create: 'discountRule:create', edit: 'discountRule:update' },
  menu: 'prices',
};

export default discountRules;
