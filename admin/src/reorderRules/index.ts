import TuneIcon from '@mui/icons-material/Tune';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Min/max per warehouse × product: the reorder point and level reorder suggestions work from. */
const reorderRules: ResourceDef = {
  name: 'ReorderRule',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: TuneIcon,
  permissions: { read: 'reorder:read', create: 'reorder:create', edit: 'reorder:update' },
  menu: 'purchasing',
};

export default reorderRules;
