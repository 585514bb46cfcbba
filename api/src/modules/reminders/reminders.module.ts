import { defineModule, type ModuleDefinition } from '../../server/module';
import { EDIT, Role, type RoleGrant } from '../identity/permissions';
import { Reminder } from './reminder.entity';
import { ReminderResolver } from './reminder.resolver';
import { reminderJobs, ReminderService } from './reminder.service';

export interface ReminderServices {
  reminders: ReminderService;
}

const STAFF = [Role.SALES_HEAD, Role.SALES_MANAGER, Role.WAREHOUSE, Role.PURCHASING, Role.MARKETING, Role.SERVICE, Role.ACCOUNTANT] as const;

/** Reminders for users (issue 13, item 6): kept, fired once at their time by a job, delivered live on every instance. */
export const remindersModule: ModuleDefinition<ReminderServices> = defineModule({
  name: 'reminders',
  entities: [Reminder],
  resolvers: [ReminderResolver],
  services: () => ({ reminders: new ReminderService() }),
  jobs: reminderJobs,
  permissions: {
    resources: ['reminder'],
    grants: Object.fromEntries(STAFF.map((role) => [role, { resources: { reminder: EDIT } }])) as Partial<Record<Role, RoleGrant>>,
  },
});
