import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** A screen, not a record type: the week of one's own or the team's activities (activityCalendar). */
const calendar: ResourceDef = {
  name: 'ActivityCalendar',
  ...lazyScreens(() => import('./CalendarScreen'), ['list']),
  icon: CalendarMonthIcon,
  permissions: { read: 'activity:read' },
  menu: 'crm',
};

export default calendar;
