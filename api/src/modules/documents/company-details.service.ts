import { z } from 'zod';
import { requireUser } from '../../server/access';
import type { Context } from '../../server/context';
import { lockSetting, parseSetting, readSetting } from '../../shared/app-setting.store';
import { badInput, conflict } from '../../shared/errors';
import { FieldReason, problem, type FieldMessages } from '../../shared/field-errors';
import { checkCompanyIdentifiers, imageProblem } from './company-details.checks';
import { imageRenders } from './pdf-renderer';
import { COMPANY_FIELDS, COMPANY_IMAGE_FIELDS, type CompanyDetails, type UpdateCompanyDetailsInput } from './company-details.inputs';

/** The key of the row in app_setting; its value is the JSON below. */
export const COMPANY_DETAILS_KEY = 'company';

const Stored = z.object({
  version: z.number().int().min(1),
  details: z.record(z.string(), z.string().nullable()),
  updatedAt: z.string().nullable().optional(),
  updatedById: z.string().nullable().optional(),
});
type Stored = z.infer<typeof Stored>;

const empty = (): Stored => ({ version: 1, details: {}, updatedAt: null, updatedById: null });

// an unreadable row prints blanks rather than stopping every print
const parse = (value: string | undefined): Stored => parseSetting(value, Stored, empty);

function detailsOf(stored: Stored): CompanyDetails {
  const details = Object.fromEntries(COMPANY_FIELDS.map((field) => [field, stored.details[field] ?? null]));
  return { ...details, version: stored.version, updatedAt: stored.updatedAt ? new Date(stored.updatedAt) : null, updatedById: stored.updatedById ?? null } as CompanyDetails;
}

/**
 * The company's own details for printed forms (issue 15): one JSON value in app_setting,
 * versioned like a record (DESIGN §6), as the pricing settings are. Not a BaseEntity, so
 * the audit log does not record them; the value keeps who changed it last and when.
 */
export class CompanyDetailsService {
  async get(ctx: Context): Promise<CompanyDetails> {
    return detailsOf(parse(await readSetting(ctx.em, COMPANY_DETAILS_KEY)));
  }

  async update(ctx: Context, input: UpdateCompanyDetailsInput): Promise<CompanyDetails> {
    const user = requireUser(ctx).user;
    const sent: Record<string, string | null> = {};
    for (const field of COMPANY_FIELDS) {
      const value = input[field];
      if (value !== undefined) sent[field] = value?.trim() || null;
    }
    const fields: FieldMessages = {};
    checkCompanyIdentifiers(sent, fields);
    for (const field of COMPANY_IMAGE_FIELDS) {
      const image = sent[field];
      if (!image) continue;
      const refused = imageProblem(image) ?? ((await imageRenders(image)) ? null : problem(FieldReason.FORMAT, 'cannot be read as an image'));
      if (refused) fields[field] = refused;
    }
    if (Object.keys(fields).length) throw badInput(fields);

    const row = await lockSetting(ctx.em, COMPANY_DETAILS_KEY, empty());
    const current = parse(row.value);
    if (current.version !== input.version) {
      throw conflict(`The company details were changed by someone else (version ${current.version}, yours ${input.version}); reload them`, { reason: 'STALE_VERSION', currentVersion: current.version });
    }
    const next: Stored = { version: current.version + 1, details: { ...current.details, ...sent }, updatedAt: new Date().toISOString(), updatedById: user.id };
    row.value = JSON.stringify(next);
    await ctx.em.flush();
    return detailsOf(next);
  }
}
