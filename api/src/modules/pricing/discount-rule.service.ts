import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { noSuch, notNull, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { checkRule, CONDITION_FIELDS, conditionsOf, KINDS_WITH_PERCENT, readConditions, type RuleDraft } from './discount-rule.conditions';
import { DiscountRule } from './discount-rule.entity';
import type { CreateDiscountRuleInput, DiscountRuleListArgs, UpdateDiscountRuleInput } from './discount-rule.inputs';

const SORTABLE = ['name', 'kind', 'priority', 'stacking', 'activeFrom', 'activeTo', 'percent', 'capPercent', 'active', 'createdAt', 'updatedAt'] as const;

const invalid = (fields: FieldMessages) => badInput(fields);

/**
 * Discount rules (issue 5, item 4). The kind-specific fields are checked and shaped by
 * discount-rule.conditions.ts and kept in `conditions`; the price calculator applies them.
 */
export class DiscountRuleService {
  list(ctx: Context, args: DiscountRuleListArgs): Promise<Page<DiscountRule>> {
    const f = args.filter;
    const conditions = baseConditions<DiscountRule>(f, ['name']);
    if (f?.kind) conditions.push({ kind: f.kind });
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    if (f?.activeOn) conditions.push(activeOn(f.activeOn));
    return listPage(ctx.em, DiscountRule, conditions, args, SORTABLE, 'name');
  }

  get(ctx: Context, id: string): Promise<DiscountRule | null> {
    return findById(ctx.em, DiscountRule, id);
  }

  /** The switched-on rules whose period covers `date`: what a quote on that date applies. */
  activeOn(ctx: Context, date: string): Promise<DiscountRule[]> {
    return ctx.em.find(DiscountRule, { $and: [{ active: true }, activeOn(date)] }, { orderBy: { priority: 'asc', id: 'asc' } });
  }

  async create(ctx: Context, input: CreateDiscountRuleInput): Promise<DiscountRule> {
    const draft: RuleDraft = { ...input, percent: input.percent ?? null, capPercent: input.capPercent ?? null };
    await this.check(ctx, draft);
    const rule = ctx.em.create(DiscountRule, {
      name: input.name.trim(),
      kind: input.kind,
      activeFrom: input.activeFrom,
      activeTo: input.activeTo ?? null,
      priority: input.priority,
      stacking: input.stacking,
      percent: draft.percent,
      capPercent: draft.capPercent,
      conditions: conditionsOf(draft),
      active: input.active,
    });
    await ctx.em.flush();
    return rule;
  }

  /**
   * Merges what was sent into the stored rule and checks the whole result, so a change of
   * kind or period is judged against the rest of the rule.
   */
  async update(ctx: Context, id: string, input: UpdateDiscountRuleInput): Promise<DiscountRule> {
    const rule = await findForChange(ctx.em, DiscountRule, id, input.version);
    const nulls: FieldMessages = {};
    for (const key of ['name', 'kind', 'activeFrom', 'priority', 'stacking', 'active'] as const) {
      if (input[key] === null) nulls[key] = notNull();
    }
    if (Object.keys(nulls).length) throw invalid(nulls);

    const kind = input.kind ?? rule.kind;
    const kindChanged = kind !== rule.kind;
    // a new kind starts from nothing: the old kind's conditions (and a percent it cannot use) go
    const stored = kindChanged ? null : readConditions(rule.kind, rule.conditions);
    const draft: RuleDraft = {
      name: input.name ?? rule.name,
      kind,
      activeFrom: input.activeFrom ?? rule.activeFrom,
      activeTo: input.activeTo !== undefined ? input.activeTo : (rule.activeTo ?? null),
      percent: input.percent !== undefined ? input.percent : KINDS_WITH_PERCENT.includes(kind) ? (rule.percent ?? null) : null,
      capPercent: input.capPercent !== undefined ? input.capPercent : (rule.capPercent ?? null),
    };
    for (const field of CONDITION_FIELDS) {
      const sent = input[field];
      (draft as unknown as Record<string, unknown>)[field] = sent !== undefined ? sent : (stored?.[field] ?? null);
    }
    await this.check(ctx, draft);

    Object.assign(rule, {
      name: draft.name.trim(),
      kind,
      activeFrom: draft.activeFrom,
      activeTo: draft.activeTo ?? null,
      percent: draft.percent ?? null,
      capPercent: draft.capPercent ?? null,
      conditions: conditionsOf(draft),
    });
    if (input.priority !== undefined) rule.priority = input.priority;
    if (input.stacking !== undefined) rule.stacking = input.stacking;
    if (input.active !== undefined) rule.active = input.active;
    await ctx.em.flush();
    return rule;
  }

  async delete(ctx: Context, id: string): Promise<DiscountRule> {
    const rule = await findForChange(ctx.em, DiscountRule, id);
    ctx.em.remove(rule);
    await ctx.em.flush();
    return rule;
  }

  /** All problems at once, BAD_USER_INPUT per field; the group must exist (through the catalog's service). */
  private async check(ctx: Context, draft: RuleDraft): Promise<void> {
    const fields: FieldMessages = checkRule(draft);
    if (draft.groupId && !fields.groupId && !(await ctx.services.productGroups.get(ctx, draft.groupId))) fields.groupId = noSuch('ProductGroup', 'no such product group');
    if (Object.keys(fields).length) throw invalid(fields);
  }
}

/** activeFrom <= date <= activeTo, no activeTo meaning open-ended (the calculator's policy 1). */
function activeOn(date: string): FilterQuery<DiscountRule> {
  return { activeFrom: { $lte: date }, $or: [{ activeTo: null }, { activeTo: { $gte: date } }] };
}
