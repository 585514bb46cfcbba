import { defineModule, type ModuleDefinition } from '../../server/module';
import { defineJob } from '../../shared/jobs';
import { ErrorCode } from '../../shared/errors';
import { FULL, READ, Role } from '../identity/permissions';
import { ActivityReportResolver } from './activity-report.resolver';
import { ActivityReportService } from './activity-report.service';
import { ContactPlan } from './contact-plan.entity';
import { ContactPlanResolver, ContactPlanStatusResolver } from './contact-plan.resolver';
import { ContactPlanService } from './contact-plan.service';

declare module '../../shared/jobs' {
  interface JobPayloads {
    'crm.contactPlans.daily': Record<string, never>;
  }
}

export interface ContactPlanServices {
  contactPlans: ContactPlanService;
  activityReports: ActivityReportService;
}

/**
 * Contact plans and activity control (issue 13 §5, §11): how often clients are to be
 * contacted, the daily job planning the contacts that are late, and the managers' activity
 * report. A module of its own beside crm, after deals and sales whose figures the report reads.
 */
export const contactPlansModule: ModuleDefinition<ContactPlanServices> = defineModule({
  name: 'contactPlans',
  entities: [ContactPlan],
  resolvers: [ContactPlanResolver, ContactPlanStatusResolver, ActivityReportResolver],
  services: () => ({ contactPlans: new ContactPlanService(), activityReports: new ActivityReportService() }),
  jobs: [defineJob('crm.contactPlans.daily', async (ctx) => void (await ctx.services.contactPlans.runDaily(ctx)), { schedule: '0 6 * * *', policy: 'short' })],
  constraintMessages: {
    contact_plan_one_target: { code: ErrorCode.BAD_USER_INPUT, field: 'clientId', message: 'name either a client or a segment' },
    contact_plan_every_days_range: { code: ErrorCode.BAD_USER_INPUT, field: 'everyDays', message: 'must be 1 to 365' },
    contact_plan_has_types: { code: ErrorCode.BAD_USER_INPUT, field: 'activityTypes', message: 'give at least one activity type' },
    contact_plan_client_unique: { code: ErrorCode.CONFLICT, field: 'clientId', message: 'the client already has a plan' },
    contact_plan_segment_unique: { code: ErrorCode.CONFLICT, field: 'segmentId', message: 'the segment already has a default plan' },
  },
  permissions: {
    // contactPlan: how often clients are to be contacted (a client's own, a segment's default)
    resources: ['contactPlan'],
    grants: {
      [Role.SALES_HEAD]: { resources: { contactPlan: FULL } },
      [Role.SALES_MANAGER]: { resources: { contactPlan: FULL } },
      [Role.MARKETING]: { resources: { contactPlan: READ } },
    },
  },
});
