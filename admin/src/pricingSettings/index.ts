import PercentIcon from '@mui/icons-material/Percent';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A screen, not a record type: only `list`. Staff with price lists read the limits; setting:update changes them. */
const pricingSettings: ResourceDef = {
  name: 'PricingSettings',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: PercentIcon,
  permissions: { read: 'priceList:read' },
  menu: 'settings',
};

export default pricingSettings;
