import { FieldReason, problem, required, type FieldProblem } from '../../shared/field-errors';
import { ClientImportField } from './client-import.inputs';
import { ClientReferenceKind } from './client-reference.entity';
import { cleanTags, cleanWebsite } from './client-profile';
import { channelValue, ChannelType } from './contact-channel-value';
import { ClientStatus, CounterpartyKind } from './counterparty.entity';
import { innProblem, kppProblem } from './inn';

/** A reference entry or a user as a row's names find them. */
export interface Known {
  id: string;
  name: string;
  active: boolean;
  /** A segment's default price type: choosing it needs priceType:update. */
  movesPrices?: boolean;
}

/** What the rows are read against: the reference lists by kind and lower-case name, users by lower-case email, and what the caller may do. */
export interface RowLookups {
  references: ReadonlyMap<ClientReferenceKind, ReadonlyMap<string, Known>>;
  users: ReadonlyMap<string, Known>;
  /** The caller: a sales manager owns what they import (null: may name any owner). */
  ownOnly: string | null;
  mayChoosePrices: boolean;
}

/** A row as the client it makes: only what its mapped, non-blank cells say (undefined: not in the row). */
export interface ClientDraft {
  name?: string;
  kind: CounterpartyKind;
  inn?: string;
  kpp?: string;
  /** As typed, with its key in E.164. */
  phone?: { text: string; key: string };
  email?: string;
  website?: string;
  status?: ClientStatus;
  references: Partial<Record<'region' | 'industry' | 'segment' | 'leadSource', string>>;
  tags?: string[];
  ownerId?: string;
  notes?: string;
  contact?: { name: string; position?: string; phone?: string; email?: string };
}

const REFERENCE_FIELDS = {
  [ClientImportField.REGION]: ['region', ClientReferenceKind.REGION],
  [ClientImportField.INDUSTRY]: ['industry', ClientReferenceKind.INDUSTRY],
  [ClientImportField.SEGMENT]: ['segment', ClientReferenceKind.SEGMENT],
  [ClientImportField.LEAD_SOURCE]: ['leadSource', ClientReferenceKind.LEAD_SOURCE],
} as const;

/** The row field a column fills, as reports name it (contactPhone, leadSource…). */
export const fieldName = (field: ClientImportField) => field.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Statuses a file may give: a LOST client needs a reason, which a spreadsheet row has no column for. */
const IMPORTABLE_STATUSES = [ClientStatus.LEAD, ClientStatus.PROSPECT, ClientStatus.CUSTOMER];

/**
 * One row of a file as a client draft, with every problem on its field at once: a name is
 * required, the INN's check digits and the KPP are verified (a 12-digit INN is a person's),
 * phones become E.164 and emails are checked as contact channels are, references and owners
 * must exist and be active.
 */
export function readRow(cells: readonly string[], mapping: ReadonlyMap<ClientImportField, number>, lookups: RowLookups): { draft: ClientDraft; problems: Record<string, FieldProblem> } {
  const problems: Record<string, FieldProblem> = {};
  const text = (field: ClientImportField) => {
    const column = mapping.get(field);
    return column === undefined ? '' : (cells[column - 1] ?? '').trim();
  };
  const inn = text(ClientImportField.INN).replace(/\s/g, '');
  const draft: ClientDraft = { kind: inn.length === 12 ? CounterpartyKind.PERSON : CounterpartyKind.COMPANY, references: {} };

  const name = text(ClientImportField.NAME);
  if (name) draft.name = name.slice(0, 200);
  else problems.name = required('the client needs a name');
  if (inn) {
    const refused = innProblem(inn, draft.kind);
    if (refused) problems.inn = refused;
    else draft.inn = inn;
  }
  const kpp = text(ClientImportField.KPP);
  if (kpp) {
    const refused = kppProblem(kpp, draft.kind);
    if (refused) problems.kpp = refused;
    else draft.kpp = kpp;
  }
  const phone = text(ClientImportField.PHONE);
  if (phone) {
    const value = channelValue(ChannelType.PHONE, phone);
    if (value.ok) draft.phone = { text: phone, key: value.value };
    else problems.phone = problem(FieldReason.NOT_A_PHONE, value.message);
  }
  const email = text(ClientImportField.EMAIL);
  if (email) {
    const value = channelValue(ChannelType.EMAIL, email);
    if (value.ok) draft.email = value.value;
    else problems.email = problem(FieldReason.NOT_AN_EMAIL, value.message);
  }
  const website = text(ClientImportField.WEBSITE);
  if (website) {
    const clean = cleanWebsite(website);
    if (clean) draft.website = clean;
    else problems.website = problem(FieldReason.FORMAT, `${website} is not a web address such as romashka.ru`);
  }
  const status = text(ClientImportField.STATUS).toUpperCase() as ClientStatus;
  if (status) {
    if (IMPORTABLE_STATUSES.includes(status)) draft.status = status;
    else problems.status = problem(FieldReason.NOT_ONE_OF, `must be one of ${IMPORTABLE_STATUSES.join(', ')}`, { values: [...IMPORTABLE_STATUSES] });
  }
  for (const [field, [property, kind]] of Object.entries(REFERENCE_FIELDS) as [keyof typeof REFERENCE_FIELDS, (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS]][]) {
    const wanted = text(field);
    if (!wanted) continue;
    const entry = lookups.references.get(kind)?.get(wanted.toLowerCase());
    const list = kind.toLowerCase().replace('_', ' ');
    if (!entry) problems[property] = problem(FieldReason.NOT_FOUND, `no ${list} ${wanted} in the reference lists`, { entity: 'ClientReference', name: wanted });
    else if (!entry.active) problems[property] = problem(FieldReason.INACTIVE, `${entry.name} is no longer used`, { entity: 'ClientReference', name: entry.name });
    else if (entry.movesPrices && !lookups.mayChoosePrices) problems[property] = problem(FieldReason.INVALID, `${entry.name} carries a default price type: only a user who may edit price types puts clients in it`);
    else draft.references[property] = entry.id;
  }
  const tags = text(ClientImportField.TAGS);
  if (tags) draft.tags = cleanTags(tags.split(/[,;]/)).map((tag) => tag.slice(0, 50));
  const owner = text(ClientImportField.OWNER).toLowerCase();
  if (owner) {
    const user = lookups.users.get(owner);
    if (!user) problems.owner = problem(FieldReason.NOT_FOUND, `no user with the email ${owner}`, { entity: 'User' });
    else if (!user.active) problems.owner = problem(FieldReason.INACTIVE, `${user.name} is not active`, { entity: 'User', name: user.name });
    else if (lookups.ownOnly && user.id !== lookups.ownOnly) problems.owner = problem(FieldReason.INVALID, 'a sales manager owns the clients they import; only a head of sales names another owner');
    else draft.ownerId = user.id;
  }
  const notes = text(ClientImportField.NOTES);
  if (notes) draft.notes = notes.slice(0, 4000);
  readContact(text, draft, problems);
  return { draft, problems };
}

function readContact(text: (field: ClientImportField) => string, draft: ClientDraft, problems: Record<string, FieldProblem>): void {
  const [name, position, phone, email] = [ClientImportField.CONTACT_NAME, ClientImportField.CONTACT_POSITION, ClientImportField.CONTACT_PHONE, ClientImportField.CONTACT_EMAIL].map(text);
  if (!name && !position && !phone && !email) return;
  if (!name) problems.contactName = required('a contact person needs a name');
  const contact: NonNullable<ClientDraft['contact']> = { name: name.slice(0, 200) };
  if (position) contact.position = position.slice(0, 200);
  if (phone) {
    const value = channelValue(ChannelType.PHONE, phone);
    if (value.ok) contact.phone = value.value;
    else problems.contactPhone = problem(FieldReason.NOT_A_PHONE, value.message);
  }
  if (email) {
    const value = channelValue(ChannelType.EMAIL, email);
    if (value.ok) contact.email = value.value;
    else problems.contactEmail = problem(FieldReason.NOT_AN_EMAIL, value.message);
  }
  if (name) draft.contact = contact;
}
