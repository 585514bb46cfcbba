import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Purchase requisitions: asked for by staff, submitted, approved or rejected by purchasing, closed; each line shows what became of it. */
const requisitions: ResourceDef = {
  name: 'PurchaseRequisition',
  ...lazyScreens(() => import('./screens'), ['list', 'show', 'create', 'edit']),
  icon: AssignmentIcon,
  recordRepresentation: 'number',
  permissions: { read: 'requisition:read', create: 'requisition:create', edit: 'requisition:update' },
  menu: 'purchasing',
};

export default requisitions;
