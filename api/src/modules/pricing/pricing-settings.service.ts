import { Decimal } from '../../shared/money';
import { z } from 'zod';
import type { Context } from '../../server/context';
import { requireUser } from '../../server/access';
import { lockSetting, parseSetting, readSetting } from '../../shared/app-setting.store';
import { badInput, conflict } from '../../shared/errors';
import { FieldReason, problem, type FieldMessages } from '../../shared/field-errors';
import { Role } from '../identity/permissions';
import { percentProblem } from './discount-rule.conditions';
import type { RoleLimits } from './price-calculator.types';
import type { DiscountCap, PricingSettings, UpdatePricingSettingsInput } from './pricing-settings.inputs';

/** The key of the row in app_setting; its value is the JSON below. */
export const PRICING_SETTINGS_KEY = 'pricing';

/** Issue 5: SALES_MANAGER 5 %, SALES_HEAD 15 %; an administrator is not limited; everyone else 0. */
export const DEFAULT_MANUAL_DISCOUNT_CAPS: Readonly<Partial<Record<Role, string>>> = { [Role.SALES_MANAGER]: '5', [Role.SALES_HEAD]: '15', [Role.ADMIN]: '100' };
/**
 * Issue 9: the largest discount of a line from rules and manual together. A sales manager
 * 10 %, a sales head 25 %; a role without a limit of its own is not limited (100).
 */
export const DEFAULT_TOTAL_DISCOUNT_CAPS: Readonly<Partial<Record<Role, string>>> = { [Role.SALES_MANAGER]: '10', [Role.SALES_HEAD]: '25' };
export const DEFAULT_BELOW_COST_ROLES: readonly Role[] = [Role.ADMIN, Role.SALES_HEAD];

const ROLES = Object.values(Role);

/** The stored JSON. Unknown roles are dropped on read, so removing a role never breaks pricing. */
const Stored = z.object({
  version: z.number().int().min(1),
  manualDiscountCaps: z.record(z.string(), z.string()),
  // settings stored before issue 9 have none: the defaults then
  totalDiscountCaps: z.record(z.string(), z.string()).optional(),
  belowCostRoles: z.array(z.string()),
  updatedAt: z.string().nullable().optional(),
  updatedById: z.string().nullable().optional(),
});
type Stored = z.infer<typeof Stored>;

function defaults(): Stored {
  return {
    version: 1,
    manualDiscountCaps: { ...DEFAULT_MANUAL_DISCOUNT_CAPS } as Record<string, string>,
    totalDiscountCaps: { ...DEFAULT_TOTAL_DISCOUNT_CAPS } as Record<string, string>,
    belowCostRoles: [...DEFAULT_BELOW_COST_ROLES], updatedAt: null, updatedById: null };
}

/** The settings as the API shows them: every role's cap (0 when none is set). */
export function settingsOf(stored: Stored): PricingSettings {
  return {
    version: stored.version,
    manualDiscountCaps: ROLES.map((role) => ({ role, percent: new Decimal(stored.manualDiscountCaps[role] ?? '0').toFixed() })),
    totalDiscountCaps: ROLES.map((role) => ({ role, percent: new Decimal((stored.totalDiscountCaps ?? DEFAULT_TOTAL_DISCOUNT_CAPS)[role] ?? '100').toFixed() })),
    belowCostRoles: ROLES.filter((role) => stored.belowCostRoles.includes(role)),
    updatedAt: stored.updatedAt ? new Date(stored.updatedAt) : null,
    updatedById: stored.updatedById ?? null,
  };
}

/** What a user with these roles may do on a quote: the largest of each cap among the roles; below cost if any role may. */
export function limitsOf(settings: PricingSettings, roles: readonly Role[]): RoleLimits {
  const largest = (caps: DiscountCap[]) => Decimal.max(0, ...caps.filter((cap) => roles.includes(cap.role)).map((cap) => new Decimal(cap.percent))).toFixed();
  return {
    manualDiscountCapPercent: largest(settings.manualDiscountCaps),
    totalDiscountCapPercent: largest(settings.totalDiscountCaps),
    maySellBelowCost: roles.some((role) => settings.belowCostRoles.includes(role)),
  };
}

// a hand-edited, unreadable row must not stop every quote: the defaults are the safe reading
const parse = (value: string | undefined): Stored => parseSetting(value, Stored, defaults);

/**
 * Pricing settings (issue 5): the manual discount cap per role and the roles that may
 * sell below cost. One JSON value in app_setting; versioned like a record (DESIGN §6).
 * Note: app_setting is not a BaseEntity, so the audit log does not record these changes;
 * the value keeps who changed it last and when.
 */
export class PricingSettingsService {
  async get(ctx: Context): Promise<PricingSettings> {
    return settingsOf(parse(await readSetting(ctx.em, PRICING_SETTINGS_KEY)));
  }

  /** The caller's limits for a quote. */
  async limitsFor(ctx: Context): Promise<RoleLimits> {
    return limitsOf(await this.get(ctx), requireUser(ctx).user.roles);
  }

  async update(ctx: Context, input: UpdatePricingSettingsInput): Promise<PricingSettings> {
    const user = requireUser(ctx).user;
    const fields: FieldMessages = {};
    for (const list of ['manualDiscountCaps', 'totalDiscountCaps'] as const) {
      const seen = new Map<Role, number>();
      (input[list] ?? []).forEach((cap, index) => {
        const first = seen.get(cap.role);
        if (first !== undefined) fields[`${list}.${index}.role`] = problem(FieldReason.REPEATED, `${cap.role} is already given at ${list}.${first}`, { line: first + 1 });
        else seen.set(cap.role, index);
        const refused = percentProblem(cap.percent);
        if (refused) fields[`${list}.${index}.percent`] = refused;
      });
    }
    if (Object.keys(fields).length) throw badInput(fields);

    const row = await lockSetting(ctx.em, PRICING_SETTINGS_KEY, defaults());
    const current = parse(row.value);
    if (current.version !== input.version) {
      throw conflict(`The pricing settings were changed by someone else (version ${current.version}, yours ${input.version}); reload them`, {
        reason: 'STALE_VERSION',
        currentVersion: current.version,
      });
    }
    const next: Stored = {
      version: current.version + 1,
      manualDiscountCaps: { ...current.manualDiscountCaps },
      totalDiscountCaps: { ...(current.totalDiscountCaps ?? DEFAULT_TOTAL_DISCOUNT_CAPS) },
      belowCostRoles: input.belowCostRoles ? [...new Set(input.belowCostRoles)] : current.belowCostRoles,
      updatedAt: new Date().toISOString(),
      updatedById: user.id,
    };
    for (const cap of input.manualDiscountCaps ?? []) next.manualDiscountCaps[cap.role] = new Decimal(cap.percent).toFixed();
    for (const cap of input.totalDiscountCaps ?? []) next.totalDiscountCaps![cap.role] = new Decimal(cap.percent).toFixed();
    row.value = JSON.stringify(next);
    await ctx.em.flush();
    return settingsOf(next);
  }
}
