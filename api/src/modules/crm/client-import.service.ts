import type { FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, problem, required, type FieldMessages, type FieldProblem } from '../../shared/field-errors';
import { User } from '../identity/user.entity';
import { ClientNote } from './client-note.entity';
import { ClientReference, type ClientReferenceKind } from './client-reference.entity';
import { cleanTags, duplicateFinder, type Duplicate, type DuplicateKeys } from './client-profile';
import { readRow, type ClientDraft, type Known, type RowLookups } from './client-import-row';
import {
  ClientImportAction,
  ClientImportField,
  ClientImportOnDuplicate,
  type ClientImportPreview,
  type ClientImportProblem,
  type ClientImportReport,
  type ClientImportRow,
  type ClientSheetInput,
  type ImportClientsInput,
} from './client-import.inputs';
import { readSheet, suggestFields } from './client-sheet';
import { ChannelType } from './contact-channel-value';
import { Contact, ContactChannel } from './contact.entity';
import { ClientStatus, Counterparty, CounterpartyRole } from './counterparty.entity';
import { CLIENT_OWNER_CHANGED, CLIENT_STATUS_CHANGED, emitClientFact, type ClientOwnerChanged, type ClientStatusChanged } from './client.events';
import { seesAllCounterparties } from './counterparty.scope';

const PREVIEW_ROWS = 10;

/** A row the checks let through, with what it will do. */
type Planned = { row: number; draft: ClientDraft } & ({ action: ClientImportAction.CREATE } | { action: ClientImportAction.UPDATE; clientId: string });

const problemsOf = (fields: Record<string, FieldProblem>): ClientImportProblem[] =>
  Object.entries(fields).map(([field, found]) => ({ field, reason: found.reason, message: found.message, params: found.params ?? {} }));

/** The keys a row is known by (its own and its contact's phone and email), each with the field it came from. */
function keysOf(draft: ClientDraft): [string, string][] {
  const keys: [string, string][] = [];
  if (draft.inn) keys.push([`inn:${draft.inn}`, 'inn']);
  if (draft.phone) keys.push([`phone:${draft.phone.key}`, 'phone']);
  if (draft.email) keys.push([`email:${draft.email}`, 'email']);
  if (draft.contact?.phone) keys.push([`phone:${draft.contact.phone}`, 'contactPhone']);
  if (draft.contact?.email) keys.push([`email:${draft.contact.email}`, 'contactEmail']);
  return keys;
}

/** The keys of a row's client itself, and of its contact person. */
const ownKeys = (d: ClientDraft): DuplicateKeys => ({ inn: d.inn ?? null, phones: d.phone ? [d.phone.key] : [], emails: d.email ? [d.email] : [] });
const contactKeys = (d: ClientDraft): DuplicateKeys => ({ inn: null, phones: d.contact?.phone ? [d.contact.phone] : [], emails: d.contact?.email ? [d.contact.email] : [] });

/** The clients we have that a row matches: by its own keys and by its contact's. */
interface Matches {
  own: Duplicate[];
  contact: Duplicate[];
  all: Duplicate[];
}

/** DUPLICATE_CLIENT on each field of the row that matched a client we have. */
function duplicateProblems(matches: Matches, message: (names: string) => string): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  const on = (field: string, found: Duplicate[], kind: Duplicate['matchedOn'][number]) => {
    const same = found.filter((d) => d.matchedOn.includes(kind));
    if (same.length) fields[field] = problem(FieldReason.DUPLICATE_CLIENT, message(same.map((d) => d.name).join(', ')), { name: same[0].name, owner: same[0].owner ?? '—' });
  };
  on('inn', matches.own, 'inn');
  on('phone', matches.own, 'phone');
  on('email', matches.own, 'email');
  on('contactPhone', matches.contact, 'phone');
  on('contactEmail', matches.contact, 'email');
  return fields;
}

/**
 * Clients and their contact persons from a spreadsheet (issue 13 §2): a preview of the
 * columns for the mapping, then a dry run or the import itself. Both go through the same
 * checks row by row — the row's own fields, a key (INN, phone, email) an earlier row of the
 * file already has, a client we already have (the duplicate finder of a single create) — so
 * the dry run reports exactly what the import does; the import writes every good row in the
 * mutation's one transaction and reports every row, refused ones with their reasons.
 */
export class ClientImportService {
  async preview(input: ClientSheetInput): Promise<ClientImportPreview> {
    const sheet = await readSheet(input);
    const suggested = suggestFields(sheet.headers);
    return {
      format: sheet.format,
      sheets: sheet.sheets,
      sheet: sheet.sheet,
      columns: sheet.headers.map((header, i) => ({ index: i + 1, header, suggestedField: suggested[i] })),
      rows: sheet.rows.slice(0, PREVIEW_ROWS),
      totalRows: sheet.rows.length,
    };
  }

  async importClients(ctx: Context, input: ImportClientsInput): Promise<ClientImportReport> {
    const sheet = await readSheet(input);
    const mapping = this.checkMapping(input, sheet.headers.length);
    const lookups = await this.lookups(ctx, sheet.rows, mapping);
    // what is checked stays true until the import commits: no client is entered or changed meanwhile (one lock, not one per key)
    if (!input.dryRun) await ctx.em.execute('lock table counterparty in share row exclusive mode');

    const read = sheet.rows.map(({ row, cells }) => ({ row, ...readRow(cells, mapping, lookups) }));
    const good = read.filter((r) => !Object.keys(r.problems).length);
    // every client the file's rows may match, in one statement (and which of them the caller may update)
    const find = await duplicateFinder(ctx, good.flatMap((r) => [ownKeys(r.draft), contactKeys(r.draft)]));
    const matchesOf = (draft: ClientDraft): Matches => {
      const own = find(ownKeys(draft));
      const contact = find(contactKeys(draft));
      return { own, contact, all: [...new Map([...own, ...contact].map((d) => [d.id, d])).values()] };
    };
    const visible = input.onDuplicate === ClientImportOnDuplicate.UPDATE ? await this.visibleIds(ctx, good.flatMap((r) => matchesOf(r.draft).all.map((d) => d.id))) : new Set<string>();

    const report: ClientImportRow[] = [];
    const planned: Planned[] = [];
    const seenKeys = new Map<string, number>();
    const updatedClients = new Map<string, number>();
    for (const { row, draft, problems } of read) {
      const refuse = (fields: Record<string, FieldProblem>) => report.push({ row, action: ClientImportAction.REFUSE, client: null, problems: problemsOf(fields) });
      if (Object.keys(problems).length) {
        refuse(problems);
        continue;
      }
      const keys = keysOf(draft);
      const repeated: Record<string, FieldProblem> = {};
      for (const [key, field] of keys) {
        const earlier = seenKeys.get(key);
        if (earlier !== undefined) repeated[field] = problem(FieldReason.REPEATED, `row ${earlier} of the file has the same ${field}`, { line: earlier });
      }
      if (Object.keys(repeated).length) {
        refuse(repeated);
        continue;
      }
      const outcome = await this.againstBase(ctx, draft, matchesOf(draft), input.onDuplicate, visible, updatedClients);
      if (outcome.action === ClientImportAction.REFUSE || outcome.action === ClientImportAction.SKIP) {
        report.push({ row, action: outcome.action, client: outcome.client, problems: problemsOf(outcome.problems) });
        continue;
      }
      for (const [key] of keys) seenKeys.set(key, row);
      if (outcome.action === ClientImportAction.UPDATE) {
        updatedClients.set(outcome.client.id, row);
        planned.push({ row, draft, action: ClientImportAction.UPDATE, clientId: outcome.client.id });
        report.push({ row, action: outcome.action, client: { id: outcome.client.id, name: draft.name ?? outcome.client.name }, problems: [] });
      } else {
        planned.push({ row, draft, action: ClientImportAction.CREATE });
        report.push({ row, action: outcome.action, client: { id: null, name: draft.name! }, problems: [] });
      }
    }

    if (!input.dryRun) {
      const made = await this.write(ctx, planned);
      for (const entry of report) if (made.has(entry.row)) entry.client = made.get(entry.row)!;
    }
    const count = (action: ClientImportAction) => report.filter((r) => r.action === action).length;
    return {
      dryRun: input.dryRun,
      created: count(ClientImportAction.CREATE),
      updated: count(ClientImportAction.UPDATE),
      skipped: count(ClientImportAction.SKIP),
      refused: count(ClientImportAction.REFUSE),
      rows: report,
    };
  }

  /** The columns by field: NAME mapped, each field once, each column in the sheet. */
  private checkMapping(input: ImportClientsInput, width: number): Map<ClientImportField, number> {
    const fields: FieldMessages = {};
    const byField = new Map<ClientImportField, number>();
    input.mapping.forEach((entry, i) => {
      if (entry.column > width) fields[`mapping.${i}.column`] = problem(FieldReason.BETWEEN, `the sheet has columns 1 to ${width}`, { min: 1, max: width });
      const first = input.mapping.findIndex((other) => other.field === entry.field);
      if (first < i) fields[`mapping.${i}.field`] = problem(FieldReason.REPEATED, `${entry.field} is already mapped by entry ${first + 1}`, { line: first + 1 });
      byField.set(entry.field, entry.column);
    });
    if (!byField.has(ClientImportField.NAME)) fields.mapping = required('map a column to NAME: every client needs a name');
    if (Object.keys(fields).length) throw badInput(fields);
    return byField;
  }

  /** The reference lists and the owners the rows name, in two statements. */
  private async lookups(ctx: Context, rows: { cells: string[] }[], mapping: Map<ClientImportField, number>): Promise<RowLookups> {
    const references = new Map<ClientReferenceKind, Map<string, Known>>();
    for (const entry of await ctx.em.find(ClientReference, {})) {
      if (!references.has(entry.kind)) references.set(entry.kind, new Map());
      references.get(entry.kind)!.set(entry.name.toLowerCase(), { id: entry.id, name: entry.name, active: entry.active, movesPrices: !!entry.defaultPriceType });
    }
    const ownerColumn = mapping.get(ClientImportField.OWNER);
    const emails = ownerColumn ? [...new Set(rows.map((r) => (r.cells[ownerColumn - 1] ?? '').trim().toLowerCase()).filter(Boolean))] : [];
    const users = new Map<string, Known>();
    for (const user of emails.length ? await ctx.em.find(User, { email: { $in: emails } }) : []) users.set(user.email.toLowerCase(), { id: user.id, name: user.name, active: user.active });
    return {
      references,
      users,
      ownOnly: seesAllCounterparties(ctx.user) ? null : ctx.user!.id,
      mayChoosePrices: !!ctx.user?.permissions.has('priceType:update'),
    };
  }

  /** Of the clients the rows match, those the caller's record rules let them update. */
  private async visibleIds(ctx: Context, ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const scope = ctx.services.counterparties.scope(ctx.user);
    const where = { id: { $in: [...new Set(ids)] } };
    const found = await ctx.em.find(Counterparty, (scope ? { $and: [where, scope] } : where) as FilterQuery<Counterparty>, { fields: ['id'] });
    return new Set(found.map((c) => c.id));
  }

  /** What a row that passed its own checks does with the clients we already have. */
  private async againstBase(
    ctx: Context,
    draft: ClientDraft,
    matches: Matches,
    onDuplicate: ClientImportOnDuplicate,
    visible: Set<string>,
    updatedClients: Map<string, number>,
  ): Promise<
    | { action: ClientImportAction.CREATE }
    | { action: ClientImportAction.UPDATE; client: { id: string; name: string } }
    | { action: ClientImportAction.SKIP | ClientImportAction.REFUSE; client: { id: string; name: string } | null; problems: Record<string, FieldProblem> }
  > {
    const duplicates = matches.all;
    if (!duplicates.length) return { action: ClientImportAction.CREATE };
    const first = { id: duplicates[0].id, name: duplicates[0].name };
    if (onDuplicate === ClientImportOnDuplicate.SKIP) {
      return { action: ClientImportAction.SKIP, client: first, problems: duplicateProblems(matches, (names) => `${names} already has it; the row was skipped`) };
    }
    if (onDuplicate === ClientImportOnDuplicate.CREATE) {
      if (draft.inn && (await ctx.em.count(Counterparty, { inn: draft.inn, kpp: draft.kpp ?? null }))) {
        return { action: ClientImportAction.REFUSE, client: first, problems: { inn: problem(FieldReason.TAKEN, `a client with INN ${draft.inn} and ${draft.kpp ? `KPP ${draft.kpp}` : 'no KPP'} exists; a deliberate duplicate needs another KPP`) } };
      }
      return { action: ClientImportAction.CREATE };
    }
    if (duplicates.length > 1) {
      return { action: ClientImportAction.REFUSE, client: null, problems: duplicateProblems(matches, (names) => `matches several clients (${names}); merge them first or fix the row`) };
    }
    if (!visible.has(first.id)) {
      const owner = duplicates[0].owner;
      return { action: ClientImportAction.REFUSE, client: null, problems: duplicateProblems(matches, (names) => `${names} is ${owner ? `${owner}'s` : 'another'} client; ask a head of sales`) };
    }
    const earlier = updatedClients.get(first.id);
    if (earlier !== undefined) {
      return { action: ClientImportAction.REFUSE, client: first, problems: { name: problem(FieldReason.REPEATED, `row ${earlier} of the file already updates ${first.name}`, { line: earlier }) } };
    }
    return { action: ClientImportAction.UPDATE, client: first };
  }

  /** Makes and updates the planned clients, their contacts and notes, in the mutation's transaction; the clients by row. */
  private async write(ctx: Context, planned: Planned[]): Promise<Map<number, { id: string; name: string }>> {
    const made = new Map<number, { id: string; name: string }>();
    const me = ctx.user!.id;
    const existing = new Map<string, Counterparty>();
    const updateIds = planned.flatMap((p) => (p.action === ClientImportAction.UPDATE ? [p.clientId] : []));
    for (const client of updateIds.length ? await ctx.em.find(Counterparty, { id: { $in: updateIds } }) : []) existing.set(client.id, client);
    const contactNames = new Map<string, Set<string>>();
    for (const contact of updateIds.length ? await ctx.em.find(Contact, { counterparty: { $in: updateIds } }) : []) {
      const names = contactNames.get(contact.counterparty.id) ?? new Set();
      contactNames.set(contact.counterparty.id, names.add(contact.name.toLowerCase()));
    }
    for (const plan of planned) {
      const { draft } = plan;
      let client: Counterparty;
      if (plan.action === ClientImportAction.CREATE) {
        client = ctx.em.create(Counterparty, { kind: draft.kind, roles: [CounterpartyRole.CLIENT], name: draft.name!, owner: ctx.em.getReference(User, draft.ownerId ?? me, { wrapped: true }) });
      } else {
        client = existing.get(plan.clientId)!;
        if (draft.name) client.name = draft.name;
        if (draft.ownerId && draft.ownerId !== (client.owner?.id ?? null)) {
          emitClientFact<ClientOwnerChanged>(ctx, CLIENT_OWNER_CHANGED, { clientId: client.id, fromOwnerId: client.owner?.id ?? null, toOwnerId: draft.ownerId, via: 'IMPORT', reason: null });
          client.owner = ctx.em.getReference(User, draft.ownerId, { wrapped: true });
        }
      }
      const statusBefore = plan.action === ClientImportAction.CREATE ? null : client.status;
      this.assignDraft(ctx, client, draft);
      if (client.status !== statusBefore) emitClientFact<ClientStatusChanged>(ctx, CLIENT_STATUS_CHANGED, { clientId: client.id, from: statusBefore, to: client.status, lostReason: client.lostReason ?? null });
      const names = contactNames.get(client.id);
      if (draft.contact && !names?.has(draft.contact.name.toLowerCase())) {
        const contact = ctx.em.create(Contact, { counterparty: client, name: draft.contact.name, position: draft.contact.position ?? null });
        const channels = [
          ...(draft.contact.phone ? [{ type: ChannelType.PHONE, value: draft.contact.phone }] : []),
          ...(draft.contact.email ? [{ type: ChannelType.EMAIL, value: draft.contact.email }] : []),
        ];
        channels.forEach((channel, i) => contact.channels.add(ctx.em.create(ContactChannel, { contact, ...channel, primary: true, position: i + 1 })));
      }
      if (draft.notes) ctx.em.create(ClientNote, { counterparty: client, author: me, text: draft.notes });
      made.set(plan.row, { id: client.id, name: client.name });
    }
    await ctx.em.flush();
    return made;
  }

  /** The row's fields onto the client: requisites a client already has stay (they change on its form), tags add up. */
  private assignDraft(ctx: Context, client: Counterparty, draft: ClientDraft): void {
    if (draft.inn && !client.inn) {
      client.inn = draft.inn;
      client.kind = draft.kind;
    }
    if (draft.kpp && !client.kpp) client.kpp = draft.kpp;
    if (draft.phone) {
      client.phone = draft.phone.text;
      client.phoneKey = draft.phone.key;
    }
    if (draft.email) client.email = client.emailKey = draft.email;
    if (draft.website) client.website = draft.website;
    if (draft.status) {
      client.status = draft.status;
      if (draft.status !== ClientStatus.LOST) client.lostReason = null;
    }
    for (const [property, id] of Object.entries(draft.references) as [keyof ClientDraft['references'], string][]) {
      client[property] = ctx.em.getReference(ClientReference, id, { wrapped: true });
    }
    if (draft.tags) client.tags = cleanTags([...(client.tags ?? []), ...draft.tags]);
  }
}
