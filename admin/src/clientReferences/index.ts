import ListAltIcon from '@mui/icons-material/ListAlt';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Regions, industries, segments (with a default price type) and lead sources clients are classified by. */
const clientReferences: ResourceDef = {
  name: 'ClientReference',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: ListAltIcon,
  recordRepresentation: 'name',
  permissions: { read: 'counterparty:read', create: 'clientReference:create', edit: 'clientReference:update' },
  menu: 'crm',
};

export default clientReferences;
