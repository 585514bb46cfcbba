import EventBusyIcon from '@mui/icons-material/EventBusy';
import MoveUpIcon from '@mui/icons-material/MoveUp';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A screen, not a record type: a head of sales hands a leaving user's work to another (preview, confirm, report). */
export const handover: ResourceDef = {
  name: 'Handover',
  ...lazyScreens(() => import('./HandoverScreen'), ['list']),
  icon: MoveUpIcon,
  permissions: { read: 'crm:handover' },
  menu: 'crm',
};

/** A screen, not a record type: deputy periods (one's own, or anyone's for a head), set and ended. */
export const deputies: ResourceDef = {
  name: 'UserDeputy',
  ...lazyScreens(() => import('./DeputiesScreen'), ['list']),
  icon: EventBusyIcon,
  permissions: { read: 'deputy:read' },
  menu: 'crm',
};
