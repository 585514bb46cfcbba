import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { FieldReason, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { Loaders } from '../../shared/loaders';
import type { Page } from '../../shared/pagination';
import { toAuthUser } from '../identity/session.service';
import { User } from '../identity/user.entity';
import { ActivityStatus, type ActivityType } from './activity.entity';
import { ClientReference, ClientReferenceKind } from './client-reference.entity';
import { planStanding, plannedDueAt, PLANNED_REMINDER_MINUTES } from './contact-plan-schedule';
import { ContactPlan } from './contact-plan.entity';
import type { ContactPlanListArgs, SetContactPlanInput } from './contact-plan.inputs';
import { Counterparty } from './counterparty.entity';
import { counterpartyScope, isHeadOfSales } from './counterparty.scope';

const SORTABLE = ['everyDays', 'active', 'createdAt', 'updatedAt', 'client.name', 'segment.name'] as const;


/** A client with its effective plan, where it stands today. */
export interface ContactPlanStanding {
  clientId: string;
  clientName: string;
  ownerId: string | null;
  plan: ContactPlan;
  lastContactAt: Date | null;
  dueDate: string;
  daysOverdue: number;
}

interface StandingRow {
  client_id: string;
  client_name: string;
  owner_id: string | null;
  plan_id: string;
  last_contact_at: Date | null;
}

/**
 * Contact plans (issue 13 §5): how often each client is to be contacted, its own plan or its
 * segment's default, where every client stands with it, and the daily job that plans the
 * overdue contact for the client's owner.
 */
export class ContactPlanService {
  list(ctx: Context, args: ContactPlanListArgs): Promise<Page<ContactPlan>> {
    const f = args.filter;
    const conditions = baseConditions<ContactPlan>(f, []);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.segmentId) conditions.push({ segment: f.segmentId });
    if (f?.segmentDefaults === true) conditions.push({ client: null });
    if (f?.segmentDefaults === false) conditions.push({ segment: null });
    const scope = counterpartyScope(ctx.user);
    if (scope) conditions.push({ $or: [{ client: null }, { client: scope }] } as FilterQuery<ContactPlan>);
    return listPage(ctx.em, ContactPlan, conditions, args, SORTABLE, 'createdAt');
  }

  async get(ctx: Context, id: string): Promise<ContactPlan | null> {
    const plan = await findById(ctx.em, ContactPlan, id);
    if (plan?.client && !(await ctx.services.counterparties.get(ctx, plan.client.id))) return null;
    return plan;
  }

  /** Creates or replaces the plan of the client or segment named. */
  async set(ctx: Context, input: SetContactPlanInput): Promise<ContactPlan> {
    const fields: FieldMessages = {};
    if (!input.clientId === !input.segmentId) {
      const message = 'name either a client or a segment';
      fields[input.clientId ? 'segmentId' : 'clientId'] = problem(FieldReason.EXACTLY_ONE_OF, message, { fields: ['clientId', 'segmentId'] });
    }
    if (input.clientId) {
      const client = await ctx.services.counterparties.get(ctx, input.clientId);
      if (!client) fields.clientId = noSuch('Counterparty', 'no such client');
      else this.mayEdit(ctx, client);
    }
    if (input.segmentId) {
      const segment = await findById(ctx.em, ClientReference, input.segmentId);
      if (!segment || segment.kind !== ClientReferenceKind.SEGMENT) fields.segmentId = noSuch('ClientReference', 'no such segment');
      else if (!isHeadOfSales(ctx.user)) throw forbidden('Only a head of sales sets the default plan of a segment');
    }
    if (Object.keys(fields).length) throw badInput(fields);
    const activityTypes = [...new Set(input.activityTypes)];
    const target = input.clientId ? { client: input.clientId } : { segment: input.segmentId! };
    const existing = await ctx.em.findOne(ContactPlan, target);
    if (existing) {
      existing.everyDays = input.everyDays;
      existing.activityTypes = activityTypes;
      existing.active = input.active ?? true;
      existing.updatedAt = new Date();
      await ctx.em.flush();
      return existing;
    }
    const plan = ctx.em.create(ContactPlan, { ...target, everyDays: input.everyDays, activityTypes, active: input.active ?? true });
    await ctx.em.flush();
    return plan;
  }

  async delete(ctx: Context, id: string): Promise<ContactPlan> {
    const seen = await this.get(ctx, id);
    if (!seen) throw notFound(ContactPlan.name, id);
    if (seen.client) this.mayEdit(ctx, await ctx.em.findOneOrFail(Counterparty, { id: seen.client.id }));
    else if (!isHeadOfSales(ctx.user)) throw forbidden('Only a head of sales deletes the default plan of a segment');
    const plan = await findForChange(ctx.em, ContactPlan, id);
    ctx.em.remove(plan);
    await ctx.em.flush();
    return plan;
  }

  /** Where a client the caller sees stands with its effective plan; null when it has no active plan. */
  async status(ctx: Context, clientId: string): Promise<ContactPlanStanding | null> {
    const client = await ctx.services.counterparties.get(ctx, clientId);
    if (!client) throw notFound(Counterparty.name, clientId);
    return (await this.standings(ctx, { clientId }))[0] ?? null;
  }

  /** The clients late with their plan, the latest first: of one owner (the caller when not a head) or, for a head, all. */
  async overdue(ctx: Context, ownerId: string | null | undefined): Promise<ContactPlanStanding[]> {
    const owner = ownerId ?? (isHeadOfSales(ctx.user) ? null : ctx.user!.id);
    if (!isHeadOfSales(ctx.user) && owner !== ctx.user!.id) throw forbidden('Only a head of sales can look at the contact plans of others');
    const standings = await this.standings(ctx, { ownerId: owner });
    return standings.filter((s) => s.daysOverdue > 0).sort((a, b) => b.daysOverdue - a.daysOverdue || a.clientName.localeCompare(b.clientName));
  }

  /**
   * The daily job: for each client late with its plan and with no PLANNED activity of the
   * plan's types, one PLANNED activity of the plan's first type for the client's (active)
   * owner, due today, with a reminder. Running it again plans nothing more. Returns how many.
   */
  async runDaily(ctx: Context): Promise<number> {
    const late = (await this.standings(ctx, {})).filter((s) => s.daysOverdue > 0 && s.ownerId);
    if (!late.length) return 0;
    const open: { client_id: string; type: ActivityType }[] = await ctx.em.getConnection().execute(
      `select distinct client_id, type from activity where status = ? and client_id in (?)`,
      [ActivityStatus.PLANNED, late.map((s) => s.clientId)],
    );
    const owners = new Map((await ctx.em.find(User, { id: { $in: [...new Set(late.map((s) => s.ownerId!))] }, active: true })).map((u) => [u.id, u]));
    let planned = 0;
    for (const standing of late) {
      if (open.some((row) => row.client_id === standing.clientId && standing.plan.activityTypes.includes(row.type))) continue;
      const owner = owners.get(standing.ownerId!);
      if (!owner) continue;
      // the owner plans it for themselves, as if they had: the author is a real user and the record rules are theirs
      const asOwner: Context = { ...ctx, user: toAuthUser(owner, ctx.services.permissions), loaders: new Loaders(ctx.em) };
      await ctx.services.activities.create(asOwner, {
        type: standing.plan.activityTypes[0],
        subject: `Contact per plan: ${standing.clientName}`,
        clientId: standing.clientId,
        dueAt: plannedDueAt(new Date()),
        reminderOffsetMinutes: PLANNED_REMINDER_MINUTES,
      });
      planned++;
    }
    return planned;
  }

  /** Clients (active, not lost) with an active effective plan and their last contact of its types, in one statement. */
  private async standings(ctx: Context, where: { clientId?: string; ownerId?: string | null }): Promise<ContactPlanStanding[]> {
    const params: unknown[] = [ActivityStatus.DONE];
    let filter = '';
    if (where.clientId) (filter += ' and c.id = ?'), params.push(where.clientId);
    if (where.ownerId) (filter += ' and c.owner_id = ?'), params.push(where.ownerId);
    const rows: StandingRow[] = await ctx.em.getConnection().execute(
      `select c.id as client_id, c.name as client_name, c.owner_id, p.id as plan_id,
              (select max(a.completed_at) from activity a where a.client_id = c.id and a.status = ? and a.type = any(p.activity_types)) as last_contact_at
         from counterparty c
         left join contact_plan own on own.client_id = c.id
         left join contact_plan seg on seg.segment_id = c.segment_id
         join contact_plan p on p.id = coalesce(own.id, seg.id)
        where p.active and c.active and c.status <> 'LOST'${filter}
        order by c.name, c.id`,
      params,
    );
    if (!rows.length) return [];
    const plans = new Map((await ctx.em.find(ContactPlan, { id: { $in: rows.map((r) => r.plan_id) } })).map((p) => [p.id, p]));
    const today = localToday();
    return rows.map((row) => {
      const plan = plans.get(row.plan_id)!;
      const lastContactAt = row.last_contact_at ? new Date(row.last_contact_at) : null;
      return { clientId: row.client_id, clientName: row.client_name, ownerId: row.owner_id, plan, lastContactAt, ...planStanding(lastContactAt, plan.createdAt, plan.everyDays, today) };
    });
  }

  /** A head edits any client's plan; anyone else, only the plans of the clients they own. */
  private mayEdit(ctx: Context, client: Counterparty): void {
    if (!isHeadOfSales(ctx.user) && client.owner?.id !== ctx.user!.id) throw forbidden('Only the owner of a client (or a head of sales) sets its contact plan');
  }
}
