import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Partners' API keys: administrators make them (the key shown once) and revoke them. */
const apiKeys: ResourceDef = {
  name: 'ApiKey',
  ...lazyScreens(() => import('./screens'), ['list', 'create']),
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
  permissions: { read: 'apiKey:read', create: 'apiKey:create' },
  menu: 'settings',
};

export default apiKeys;
