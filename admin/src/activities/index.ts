import EventNoteIcon from '@mui/icons-material/EventNote';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Calls, meetings, tasks and emails with clients, for oneself or a colleague (issue 13 §4). */
const activities: ResourceDef = {
  name: 'Activity',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: EventNoteIcon,
  recordRepresentation: 'subject',
  permissions: { read: 'activity:read', create: 'activity:create', edit: 'activity:read' },
  menu: 'crm',
};

export default activities;
