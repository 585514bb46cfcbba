import AccountTreeIcon from '@mui/icons-material/AccountTree';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

const productGroups: ResourceDef = {
  name: 'ProductGroup',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: AccountTreeIcon,
  recordRepresentation: 'path',
  permissions: { read: 'productGroup:read', create: 'productGroup:create', edit: 'productGroup:update' },
  menu: 'settings',
};

export default productGroups;
