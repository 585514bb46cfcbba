import BusinessIcon from '@mui/icons-material/Business';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';
import { counterpartyTiles } from './tiles';

const counterparties: ResourceDef = {
  name: 'Counterparty',
  ...lazyScreens(() => import('./screens'), ['list', 'show', 'create', 'edit']),
  icon: BusinessIcon,
  recordRepresentation: 'name',
  permissions: { read: 'counterparty:read', create: 'counterparty:create', edit: 'counterparty:update' },
  menu: 'crm',
  tiles: counterpartyTiles,
};

export default counterparties;
