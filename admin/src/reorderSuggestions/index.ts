import ShoppingBasketIcon from '@mui/icons-material/ShoppingBasket';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A screen, not a record type: what to buy now, by main supplier, ordered in one click. */
const reorderSuggestions: ResourceDef = {
  name: 'ReorderSuggestion',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: ShoppingBasketIcon,
  permissions: { read: 'reorder:read' },
  menu: 'purchasing',
};

export default reorderSuggestions;
