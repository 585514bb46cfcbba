import type { Ref } from '@mikro-orm/postgresql';
import { CLIENT_STATUS_CHANGED, emitClientFact, type ClientStatusChanged } from './client.events';
import type { Context } from '../../server/context';
import { badInput, conflict, fieldDetails, forbidden } from '../../shared/errors';
import { FieldReason, noSuch, problem, required, type FieldMessages } from '../../shared/field-errors';
import { ClientReference, ClientReferenceKind } from './client-reference.entity';
import { contactKey } from './contact-channel-value';
import { ClientStatus, Counterparty } from './counterparty.entity';
import type { CounterpartyDetailsInput } from './counterparty.inputs';
import { isHeadOfSales } from './counterparty.scope';

const REFERENCES = [
  ['regionId', 'region', ClientReferenceKind.REGION],
  ['industryId', 'industry', ClientReferenceKind.INDUSTRY],
  ['segmentId', 'segment', ClientReferenceKind.SEGMENT],
  ['leadSourceId', 'leadSource', ClientReferenceKind.LEAD_SOURCE],
] as const;

/** Tags trimmed, blank ones dropped, each kept once (the first spelling wins). */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.map((t) => t.trim()).filter((t) => t && !seen.has(t.toLowerCase()) && seen.add(t.toLowerCase()));
}

/** A web address with its scheme (https:// when none was typed), or null when it is no address. */
export function cleanWebsite(raw: string): string | null {
  const text = raw.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.') && !/\s/.test(text) ? url.toString().replace(/\/$/, '') : null;
  } catch {
    return null;
  }
}

/**
 * The CRM profile of a client (issue 13 §1): status (LOST with a reason, set only by the
 * owner or a head of sales), region, industry, segment and lead source from their reference
 * lists, tags and website; every refusal on its field at once.
 */
export async function assignProfile(ctx: Context, counterparty: Counterparty, input: CounterpartyDetailsInput, isNew: boolean): Promise<void> {
  const fields: FieldMessages = {};
  for (const [field, property, kind] of REFERENCES) {
    const id = input[field];
    if (id === undefined || id === (counterparty[property]?.id ?? null)) continue;
    const entry = id === null ? null : await ctx.loaders.byId(ClientReference).load(id);
    if (id !== null && (!entry || entry.kind !== kind)) fields[field] = noSuch('ClientReference', `no such ${kind.toLowerCase().replace('_', ' ')}`);
    else if (entry && !entry.active) fields[field] = problem(FieldReason.INACTIVE, `${entry.name} is no longer used`, { entity: 'ClientReference', name: entry.name });
    else {
      // a segment's default price type is a commercial decision, like the client's own price type
      if (property === 'segment' && (await segmentMovesPrices(ctx, counterparty.segment?.id, entry))) {
        throw forbidden('Only a user who may edit price types can move a client into or out of a segment with a default price type');
      }
      counterparty[property] = entry ? (ctx.em.getReference(ClientReference, entry.id, { wrapped: true }) as Ref<ClientReference>) : null;
    }
  }
  if (input.tags !== undefined) counterparty.tags = cleanTags(input.tags ?? []);
  if (input.website !== undefined) {
    const website = input.website?.trim() ? cleanWebsite(input.website) : null;
    if (input.website?.trim() && !website) fields.website = problem(FieldReason.FORMAT, 'must be a web address such as romashka.ru or https://romashka.ru');
    else counterparty.website = website;
  }
  const status = input.status ?? counterparty.status;
  const reason = input.lostReason !== undefined ? input.lostReason?.trim() || null : (counterparty.lostReason ?? null);
  if (status === ClientStatus.LOST && !reason) fields.lostReason = required('say why the client was lost');
  if (Object.keys(fields).length) throw badInput(fields);
  if (status === ClientStatus.LOST && counterparty.status !== ClientStatus.LOST && !isNew) {
    const owner = counterparty.owner?.id ?? null;
    if (owner !== ctx.user?.id && !isHeadOfSales(ctx.user)) throw forbidden('Only the owner of a client or a head of sales can mark it LOST');
  }
  if (isNew || status !== counterparty.status) emitClientFact<ClientStatusChanged>(ctx, CLIENT_STATUS_CHANGED, { clientId: counterparty.id, from: isNew ? null : counterparty.status, to: status, lostReason: status === ClientStatus.LOST ? reason : null });
  counterparty.status = status;
  counterparty.lostReason = status === ClientStatus.LOST ? reason : null;
  counterparty.phoneKey = contactKey('phone', counterparty.phone);
  counterparty.emailKey = contactKey('email', counterparty.email);
}

/** Whether leaving the old segment or joining the next changes the client's prices, for a caller who may not choose price types. */
async function segmentMovesPrices(ctx: Context, oldId: string | undefined, next: ClientReference | null): Promise<boolean> {
  if (ctx.user?.permissions.has('priceType:update')) return false;
  const old = oldId ? await ctx.loaders.byId(ClientReference).load(oldId) : null;
  return !!(next?.defaultPriceType || old?.defaultPriceType);
}

export interface Duplicate {
  id: string;
  name: string;
  owner: string | null;
  /** What matched: inn, phone or email (a contact person's phone or email counts). */
  matchedOn: ('inn' | 'phone' | 'email')[];
}

/** What a client about to be entered is known by: its INN, phones (E.164) and emails (lower case), its contacts' included. */
export interface DuplicateKeys {
  inn: string | null;
  phones: readonly string[];
  emails: readonly string[];
}

/**
 * Counterparties with the same INN, phone or email as any of the clients about to be entered
 * (their own or any of their contact persons'), read in one statement; the finder it returns
 * names the duplicates of each, by name, at most 10.
 */
export async function duplicateFinder(ctx: Context, all: readonly DuplicateKeys[]): Promise<(keys: DuplicateKeys) => Duplicate[]> {
  const inns = [...new Set(all.flatMap((k) => (k.inn ? [k.inn] : [])))];
  const phones = [...new Set(all.flatMap((k) => k.phones))];
  const emails = [...new Set(all.flatMap((k) => k.emails))];
  if (!inns.length && !phones.length && !emails.length) return () => [];
  // '' matches no INN, key or channel, and keeps each list from being empty
  const rows: { id: string; name: string; owner: string | null; inn: string | null; phone_key: string | null; email_key: string | null; channels: string[] }[] = await ctx.em.execute(
    `select c.id, c.name, u.name as owner, c.inn, c.phone_key, c.email_key,
       array(select ch.value from contact_person p join contact_channel ch on ch.contact_id = p.id where p.counterparty_id = c.id)::text[] as channels
     from counterparty c left join app_user u on u.id = c.owner_id
     where c.inn in (?) or c.phone_key in (?) or c.email_key in (?)
        or c.id in (select p.counterparty_id from contact_person p join contact_channel ch on ch.contact_id = p.id where ch.value in (?))
     order by c.name, c.id`,
    [[...inns, ''], [...phones, ''], [...emails, ''], [...phones, ...emails, '']],
  );
  return (keys) =>
    rows
      .map((r) => {
        const matchedOn: Duplicate['matchedOn'] = [];
        if (keys.inn && r.inn === keys.inn) matchedOn.push('inn');
        if (keys.phones.some((p) => r.phone_key === p || r.channels.includes(p))) matchedOn.push('phone');
        if (keys.emails.some((e) => r.email_key === e || r.channels.includes(e))) matchedOn.push('email');
        return { id: r.id, name: r.name, owner: r.owner, matchedOn };
      })
      .filter((d) => d.matchedOn.length)
      .slice(0, 10);
}

/**
 * Counterparties with the same INN, phone (E.164) or email (lower case) as the one about
 * to be created — their own or any of their contact persons'. The keys are taken in turn
 * (advisory locks), so two people entering the same client at once cannot both miss the
 * other. Named whatever the caller's record rules: one client base means a manager learns
 * that the client is already someone's.
 */
export async function findDuplicates(ctx: Context, keys: { inn: string | null; phone: string | null; email: string | null }): Promise<Duplicate[]> {
  const taken = (['inn', 'phone', 'email'] as const).filter((k) => keys[k]).map((k) => `counterparty:${k}:${keys[k]}`).sort();
  if (!taken.length) return [];
  for (const key of taken) await ctx.em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [key]);
  const wanted = { inn: keys.inn, phones: keys.phone ? [keys.phone] : [], emails: keys.email ? [keys.email] : [] };
  return (await duplicateFinder(ctx, [wanted]))(wanted);
}

/** CONFLICT naming the duplicates, on the fields that matched. */
export function duplicateConflict(duplicates: Duplicate[]): Error {
  const fields: FieldMessages = {};
  for (const on of ['inn', 'phone', 'email'] as const) {
    const same = duplicates.filter((d) => d.matchedOn.includes(on));
    if (same.length) fields[on] = problem(FieldReason.DUPLICATE_CLIENT, `${same.map((d) => d.name).join(', ')} already has it`, { name: same[0].name, owner: same[0].owner ?? '—' });
  }
  const list = duplicates.map((d) => `${d.name}${d.owner ? ` (owner ${d.owner})` : ''}: same ${d.matchedOn.join(', ')}`).join('; ');
  return conflict(`This looks like a client we already have — ${list}. Open it, or send allowDuplicate: true for a deliberate duplicate`, { ...fieldDetails(fields), reason: 'DUPLICATE', duplicates });
}
