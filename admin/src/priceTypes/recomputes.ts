/** What the console knows of a price type to tell what saving it recomputes (the API's PriceRecomputeService.afterChange). */
export interface PriceTypeFacts {
  id?: string;
  code?: string;
  derivation?: string;
  basePriceTypeId?: string | null;
  basePriceType?: { id: string } | null;
  adjustmentPercent?: string | number | null;
  rounding?: string;
  vatIncluded?: boolean;
  active?: boolean;
}

/** Whose prices a save recomputes: `types` by their own rule, `followers` derived from them (directly or through others). */
export interface Recomputes {
  types: string[];
  followers: string[];
}

const baseOf = (t: PriceTypeFacts) => t.basePriceTypeId ?? t.basePriceType?.id ?? null;
const percentOf = (t: PriceTypeFacts) => (t.adjustmentPercent === null || t.adjustmentPercent === undefined || t.adjustmentPercent === '' ? null : Number(String(t.adjustmentPercent).replace(',', '.')));
const RULE: ((t: PriceTypeFacts) => unknown)[] = [(t) => t.derivation, baseOf, percentOf, (t) => t.rounding, (t) => !!t.vatIncluded, (t) => t.active !== false];

/** The active FROM_PRICE_TYPE types derived from `ids`, directly or in turn, in the order they follow; never `ids` themselves. */
function followersOf(ids: string[], all: readonly PriceTypeFacts[]): PriceTypeFacts[] {
  const seen = new Set(ids);
  const found: PriceTypeFacts[] = [];
  for (let i = 0, wave = ids; wave.length && i < 50; i++) {
    const next = all.filter((t) => t.id && !seen.has(t.id) && t.active !== false && t.derivation === 'FROM_PRICE_TYPE' && wave.includes(baseOf(t) ?? '')).sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
    for (const t of next) seen.add(t.id!);
    found.push(...next);
    wave = next.map((t) => t.id!);
  }
  return found;
}

/**
 * What saving `form` (over `previous`, null when creating) recomputes, from all price
 * types: a derived or cost type whose rule changed (derivation, base, percentage,
 * rounding, VAT basis) or that became active, and the types derived from it; for a type
 * set by hand whose VAT basis changed, the types derived from it. Nothing for an inactive
 * type or a change of name, code or the default mark.
 */
export function recomputedBySave(form: PriceTypeFacts, previous: PriceTypeFacts | null, all: readonly PriceTypeFacts[]): Recomputes {
  const none = { types: [], followers: [] };
  if (form.active === false || !form.derivation) return none;
  const code = form.code?.trim() || '…';
  if (form.derivation !== 'NONE') {
    if (previous && RULE.every((value) => value(form) === value(previous))) return none;
    return { types: [code], followers: previous?.id ? followersOf([previous.id], all).map((t) => t.code ?? '') : [] };
  }
  if (!previous?.id || !!form.vatIncluded === !!previous.vatIncluded) return none;
  const direct = followersOf([previous.id], all).filter((t) => baseOf(t) === previous.id);
  return { types: direct.map((t) => t.code ?? ''), followers: followersOf(direct.map((t) => t.id!).concat(previous.id), all).filter((t) => baseOf(t) !== previous.id).map((t) => t.code ?? '') };
}

/** The codes of the active types derived from type `id`, directly or in turn: who follows its recompute. */
export const followerCodes = (id: string, all: readonly PriceTypeFacts[]): string[] => followersOf([id], all).map((t) => t.code ?? '');
