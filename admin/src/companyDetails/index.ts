import BusinessIcon from '@mui/icons-material/Business';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A screen, not a record type: only `list`. Staff read the company's details; companyDetails:update changes them. */
const companyDetails: ResourceDef = {
  name: 'CompanyDetails',
  ...lazyScreens(() => import('./screens'), ['list']),
  icon: BusinessIcon,
  permissions: { read: 'companyDetails:read' },
  menu: 'settings',
};

export default companyDetails;
