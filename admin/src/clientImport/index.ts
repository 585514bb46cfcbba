import UploadFileIcon from '@mui/icons-material/UploadFile';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** The import wizard: a screen, not a record type. */
const clientImport: ResourceDef = {
  name: 'ClientImport',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: UploadFileIcon,
  permissions: { read: 'client:import' },
  menu: 'crm',
};

export default clientImport;
