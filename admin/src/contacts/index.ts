import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Contact persons of clients and suppliers, with their phones, emails and messengers. */
const contacts: ResourceDef = {
  name: 'Contact',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: ContactPhoneIcon,
  recordRepresentation: 'name',
  permissions: { read: 'contact:read', create: 'contact:create', edit: 'contact:update' },
  menu: 'crm',
};

export default contacts;
