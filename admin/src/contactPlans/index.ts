import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { lazy } from 'react';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Contact plans (issue 13 §5): how often a client is to be contacted, its own plan or a segment's default. */
const contactPlans: ResourceDef = {
  name: 'ContactPlan',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: EventRepeatIcon,
  permissions: { read: 'contactPlan:read', create: 'contactPlan:create', edit: 'contactPlan:update' },
  menu: 'crm',
  dataProvider: () => import('./data'),
  tiles: [{ id: 'contact-plans-overdue', needs: ['contactPlan:read'], order: 45, wide: true, component: lazy(() => import('./OverdueContactPlansTile')) }],
};

export default contactPlans;
