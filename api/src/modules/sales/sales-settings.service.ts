import { z } from 'zod';
import type { Context } from '../../server/context';
import { AppSetting } from '../../shared/app-setting.entity';
import { badInput } from '../../shared/errors';
import { FieldReason, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import type { SalesSettings, SalesSettingsInput } from './order.inputs';

/** The key of the row in app_setting; its value is the JSON below. */
export const SALES_SETTINGS_KEY = 'sales';

/** How long an order awaiting prepayment keeps its goods when nobody set it: three days. */
export const DEFAULT_PREPAYMENT_RESERVATION_HOURS = '72';
const MAX_PREPAYMENT_RESERVATION_HOURS = 8760;

const Stored = z.object({ reservationPriority: z.array(z.string()), prepaymentReservationHours: z.string().optional(), overdueBlockDays: z.number().int().nullable().optional() });

/**
 * Installation-wide sales settings: the warehouses an order's reservation may be split
 * over, in priority order, how long an order awaiting prepayment keeps its reservation, and
 * credit control's block on clients with debt overdue past so many days.
 */
export class SalesSettingsService {
  async get(ctx: Context): Promise<SalesSettings> {
    const row = await ctx.em.findOne(AppSetting, { key: SALES_SETTINGS_KEY });
    const parsed = row ? Stored.safeParse(JSON.parse(row.value)) : null;
    const stored = parsed?.success ? parsed.data : null;
    return { reservationPriority: stored?.reservationPriority ?? [], prepaymentReservationHours: stored?.prepaymentReservationHours ?? DEFAULT_PREPAYMENT_RESERVATION_HOURS, overdueBlockDays: stored?.overdueBlockDays ?? null };
  }

  /** Each warehouse once, existing and active; hours more than 0 and at most a year. What is left out stays. */
  async update(ctx: Context, input: SalesSettingsInput): Promise<SalesSettings> {
    const fields: FieldMessages = {};
    const seen = new Map<string, number>();
    for (const [i, id] of (input.reservationPriority ?? []).entries()) {
      const warehouse = await ctx.services.warehouses.get(ctx, id);
      if (!warehouse) fields[`reservationPriority.${i}`] = noSuch('Warehouse', 'no such warehouse');
      else if (!warehouse.active) fields[`reservationPriority.${i}`] = problem(FieldReason.INACTIVE, `${warehouse.code} is inactive`, { entity: 'Warehouse', name: warehouse.name });
      else if (seen.has(id)) fields[`reservationPriority.${i}`] = problem(FieldReason.REPEATED, `${warehouse.code} is already number ${seen.get(id)! + 1}`, { line: seen.get(id)! + 1 });
      seen.set(id, seen.get(id) ?? i);
    }
    const hours = input.prepaymentReservationHours;
    if (hours !== null && hours !== undefined) {
      if (!new Decimal(hours).gt(0)) fields.prepaymentReservationHours = problem(FieldReason.GREATER_THAN, 'must be more than 0 hours', { min: 0 });
      else if (new Decimal(hours).gt(MAX_PREPAYMENT_RESERVATION_HOURS)) fields.prepaymentReservationHours = problem(FieldReason.AT_MOST, `must be at most ${MAX_PREPAYMENT_RESERVATION_HOURS} hours`, { max: MAX_PREPAYMENT_RESERVATION_HOURS });
    }
    if (Object.keys(fields).length) throw badInput(fields);
    const current = await this.get(ctx);
    const settings: SalesSettings = {
      reservationPriority: input.reservationPriority ? [...input.reservationPriority] : current.reservationPriority,
      prepaymentReservationHours: hours !== null && hours !== undefined ? new Decimal(hours).toFixed() : current.prepaymentReservationHours,
      overdueBlockDays: input.overdueBlockDays !== undefined ? input.overdueBlockDays : current.overdueBlockDays,
    };
    await ctx.em.upsert(AppSetting, { key: SALES_SETTINGS_KEY, value: JSON.stringify(settings) });
    return settings;
  }
}
