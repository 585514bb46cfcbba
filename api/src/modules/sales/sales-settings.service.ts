import { z } from 'zod';
import type { Context } from '../../server/context';
import { AppSetting } from '../../shared/app-setting.entity';
import { badInput } from '../../shared/errors';
import { FieldReason, noSuch, problem, type FieldMessages } from '../../shared/field-errors';
import type { SalesSettings, SalesSettingsInput } from './order.inputs';

/** The key of the row in app_setting; its value is the JSON below. */
export const SALES_SETTINGS_KEY = 'sales';

const Stored = z.object({ reservationPriority: z.array(z.string()), overdueBlockDays: z.number().int().nullable().optional() });

/** Installation-wide sales settings: the warehouses an order's reservation may be split over, in priority order; credit control's overdue block. */
export class SalesSettingsService {
  async get(ctx: Context): Promise<SalesSettings> {
    const row = await ctx.em.findOne(AppSetting, { key: SALES_SETTINGS_KEY });
    const parsed = row ? Stored.safeParse(JSON.parse(row.value)) : null;
    return { reservationPriority: parsed?.success ? parsed.data.reservationPriority : [], overdueBlockDays: parsed?.success ? (parsed.data.overdueBlockDays ?? null) : null };
  }

  /** Each warehouse once, existing and active. */
  async update(ctx: Context, input: SalesSettingsInput): Promise<SalesSettings> {
    const fields: FieldMessages = {};
    const seen = new Map<string, number>();
    for (const [i, id] of input.reservationPriority.entries()) {
      const warehouse = await ctx.services.warehouses.get(ctx, id);
      if (!warehouse) fields[`reservationPriority.${i}`] = noSuch('Warehouse', 'no such warehouse');
      else if (!warehouse.active) fields[`reservationPriority.${i}`] = problem(FieldReason.INACTIVE, `${warehouse.code} is inactive`, { entity: 'Warehouse', name: warehouse.name });
      else if (seen.has(id)) fields[`reservationPriority.${i}`] = problem(FieldReason.REPEATED, `${warehouse.code} is already number ${seen.get(id)! + 1}`, { line: seen.get(id)! + 1 });
      seen.set(id, seen.get(id) ?? i);
    }
    if (Object.keys(fields).length) throw badInput(fields);
    const overdueBlockDays = input.overdueBlockDays !== undefined ? input.overdueBlockDays : (await this.get(ctx)).overdueBlockDays;
    const value = JSON.stringify({ reservationPriority: input.reservationPriority, overdueBlockDays });
    await ctx.em.upsert(AppSetting, { key: SALES_SETTINGS_KEY, value });
    return { reservationPriority: [...input.reservationPriority], overdueBlockDays };
  }
}
