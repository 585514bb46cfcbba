import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange, isUuid } from '../../shared/crud';
import { badInput, forbidden, invalidState, notFound } from '../../shared/errors';
import { FieldReason, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import type { SessionService } from './session.service';
import type { SetDeputyInput } from './deputy.inputs';
import { UserDeputy } from './user-deputy.entity';

/** The periods in force on `today`: not ended early, and today within from..to. */
export function inForce(today: string = localToday()): FilterQuery<UserDeputy> {
  return { endedAt: null, fromDate: { $lte: today }, toDate: { $gte: today } };
}

/** The users each of `deputyIds` stands in for today: what a session carries (SessionService). */
export async function standingInFor(em: EntityManager, deputyIds: readonly string[]): Promise<Map<string, string[]>> {
  const byDeputy = new Map<string, string[]>(deputyIds.map((id) => [id, []]));
  if (!deputyIds.length) return byDeputy;
  const periods = await em.find(UserDeputy, { $and: [{ deputy: { $in: [...deputyIds] } }, inForce()] });
  for (const period of periods) {
    const absent = byDeputy.get(period.deputy.id)!;
    if (!absent.includes(period.user.id)) absent.push(period.user.id);
  }
  return byDeputy;
}

/**
 * Deputies for absences (issue 13 §7). A user names their own deputy; a head of sales
 * (deputy:others) anyone's. The deputy's sessions carry whom they stand in for: on this
 * instance at once, elsewhere once the session cache expires (SESSION_CACHE_SECONDS).
 * Setting and ending a period are kept in the audit log (it is a BaseEntity).
 */
export class DeputyService {
  constructor(private readonly sessions: SessionService) {}

  /** The periods of `userId` (as the absent user or the deputy), or of everyone for a head; the latest start first. */
  list(ctx: Context, userId: string | null | undefined): Promise<UserDeputy[]> {
    const me = ctx.user!.id;
    const others = ctx.user!.permissions.has('deputy:others');
    const who = userId ?? (others ? null : me);
    if (who && who !== me && !others) throw forbidden('Only a head of sales (deputy:others) can see the deputies of others');
    if (who && !isUuid(who)) return Promise.resolve([]);
    const where: FilterQuery<UserDeputy> = who ? { $or: [{ user: who }, { deputy: who }] } : {};
    return ctx.em.find(UserDeputy, where, { orderBy: [{ fromDate: 'desc' }, { createdAt: 'desc' }], limit: 500 });
  }

  /** Who stands in for `userId` now (their reminders and assigned activities reach these too). */
  async deputiesOf(ctx: Context, userId: string): Promise<string[]> {
    const periods = await ctx.em.find(UserDeputy, { $and: [{ user: userId }, inForce()] });
    return [...new Set(periods.map((period) => period.deputy.id))];
  }

  async set(ctx: Context, input: SetDeputyInput): Promise<UserDeputy> {
    this.mayArrange(ctx, input.userId);
    const fields: FieldMessages = {};
    const user = await ctx.services.users.get(ctx, input.userId);
    if (!user) fields.userId = noSuch('User', 'no such user');
    const deputy = await ctx.services.users.get(ctx, input.deputyId);
    if (!deputy) fields.deputyId = noSuch('User', 'no such user');
    else if (!deputy.active) fields.deputyId = problem(FieldReason.INACTIVE, `${deputy.name} is not active`, { entity: 'User', name: deputy.name });
    else if (deputy.id === input.userId) fields.deputyId = problem(FieldReason.SAME_USER, 'a user cannot stand in for themselves', { field: 'userId' });
    if (input.to < input.from) fields.to = problem(FieldReason.NOT_BEFORE, `must not be before from (${input.from})`, { field: 'from', value: input.from });
    if (Object.keys(fields).length) throw badInput(fields);
    const period = ctx.em.create(UserDeputy, { user: input.userId, deputy: input.deputyId, fromDate: input.from, toDate: input.to, createdBy: ctx.user!.id });
    await ctx.em.flush();
    this.sessions.forget(input.deputyId);
    return period;
  }

  /** Ends a period early: from now on it no longer applies (INVALID_STATE when already ended). */
  async end(ctx: Context, id: string): Promise<UserDeputy> {
    const seen = isUuid(id) ? await ctx.em.findOne(UserDeputy, { id }) : null;
    if (!seen) throw notFound(UserDeputy.name, id);
    this.mayArrange(ctx, seen.user.id, () => notFound(UserDeputy.name, id));
    const period = await findForChange(ctx.em, UserDeputy, id);
    if (period.endedAt) throw invalidState(`The deputy period ${id} was already ended`, { endedAt: period.endedAt.toISOString() });
    period.endedAt = new Date();
    await ctx.em.flush();
    this.sessions.forget(period.deputy.id);
    return period;
  }

  /** Oneself, or anyone with deputy:others (a head of sales). */
  private mayArrange(ctx: Context, userId: string, refusal: () => Error = () => forbidden('Only a head of sales (deputy:others) can arrange the deputies of others')): void {
    if (userId !== ctx.user!.id && !ctx.user!.permissions.has('deputy:others')) throw refusal();
  }
}
