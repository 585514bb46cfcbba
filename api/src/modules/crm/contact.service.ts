import type { Context } from '../../server/context';
import type { FilterQuery } from '@mikro-orm/postgresql';
import { baseConditions, findForChange, isUuid, listPage } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { badInput, notFound } from '../../shared/errors';
import { FieldReason, noSuch, problem, required, type FieldMessages } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { channelValue } from './contact-channel-value';
import { ContactChannel, Contact } from './contact.entity';
import type { ContactChannelInput, ContactDetailsInput, ContactListArgs, CreateContactInput, UpdateContactInput } from './contact.inputs';

const SORTABLE = ['name', 'position', 'birthday', 'active', 'createdAt', 'updatedAt'] as const;

const clean = (text: string | null | undefined) => text?.trim() || null;

/**
 * Contact persons of clients and suppliers (issue 13 §3): their channels are normalised
 * (phones to E.164, emails to lower case) so duplicates are found whichever way a number
 * was typed. A contact lives and dies with its counterparty's record rules: whoever may
 * not see the client gets NOT_FOUND for its people too.
 */
export class ContactService {
  /** Contacts of the counterparties the caller may see (one statement: the record rule is a condition). */
  list(ctx: Context, args: ContactListArgs): Promise<Page<Contact>> {
    const f = args.filter;
    const conditions = baseConditions<Contact>(f, ['name', 'position']);
    if (f?.counterpartyId) conditions.push({ counterparty: f.counterpartyId });
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    const scope = ctx.services.counterparties.scope(ctx.user);
    if (scope) conditions.push({ counterparty: scope } as FilterQuery<Contact>);
    return listPage(ctx.em, Contact, conditions, args, SORTABLE, 'name');
  }

  async get(ctx: Context, id: string): Promise<Contact | null> {
    if (!isUuid(id)) return null;
    const contact = await ctx.em.findOne(Contact, { id });
    return contact && (await ctx.services.counterparties.get(ctx, contact.counterparty.id)) ? contact : null;
  }

  async create(ctx: Context, input: CreateContactInput): Promise<Contact> {
    const fields: FieldMessages = {};
    if (!(await ctx.services.counterparties.get(ctx, input.counterpartyId))) fields.counterpartyId = noSuch('Counterparty', 'no such counterparty');
    if (!input.name.trim()) fields.name = required('must not be blank');
    const channels = this.checkDetails(input, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const contact = ctx.em.create(Contact, { counterparty: input.counterpartyId, name: input.name.trim() });
    this.assign(ctx, contact, input, channels);
    await ctx.em.flush();
    return contact;
  }

  async update(ctx: Context, id: string, input: UpdateContactInput): Promise<Contact> {
    if (!(await this.get(ctx, id))) throw notFound(Contact.name, id);
    const contact = await findForChange(ctx.em, Contact, id, input.version);
    const fields: FieldMessages = {};
    if (input.name !== undefined && !input.name.trim()) fields.name = required('must not be blank');
    const channels = this.checkDetails(input, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.name !== undefined) contact.name = input.name.trim();
    if (input.active !== undefined && input.active !== null) contact.active = input.active;
    await contact.channels.init();
    this.assign(ctx, contact, input, channels);
    contact.updatedAt = new Date();
    await ctx.em.flush();
    return contact;
  }

  async delete(ctx: Context, id: string): Promise<Contact> {
    if (!(await this.get(ctx, id))) throw notFound(Contact.name, id);
    const contact = await findForChange(ctx.em, Contact, id);
    await contact.channels.init();
    ctx.em.remove(contact);
    await ctx.em.flush();
    return contact;
  }

  /** The channels as they will be kept (null: not sent), every refusal on its field. */
  private checkDetails(input: ContactDetailsInput, fields: FieldMessages): { type: ContactChannelInput['type']; value: string; primary: boolean }[] | null {
    if (input.birthday && input.birthday > localToday()) fields.birthday = problem(FieldReason.INVALID, 'must not be in the future');
    if (!input.channels) return null;
    const kept = input.channels.map((channel, i) => {
      const value = channelValue(channel.type, channel.value);
      if (!value.ok) fields[`channels.${i}.value`] = problem(FieldReason[value.reason], value.message);
      return { type: channel.type, value: value.ok ? value.value : '', primary: channel.primary };
    });
    kept.forEach((channel, i) => {
      const first = kept.findIndex((c) => c.type === channel.type && c.value === channel.value);
      if (channel.value && first < i) fields[`channels.${i}.value`] = problem(FieldReason.REPEATED, `repeats channel ${first + 1}`, { line: first + 1 });
      const primaryBefore = kept.findIndex((c) => c.type === channel.type && c.primary);
      if (channel.primary && primaryBefore < i) fields[`channels.${i}.primary`] = problem(FieldReason.INVALID, `channel ${primaryBefore + 1} is already the primary ${channel.type}`);
    });
    // no primary marked for a type: its first channel is
    return kept.map((channel, i) => ({ ...channel, primary: channel.primary || (!kept.some((c) => c.type === channel.type && c.primary) && kept.findIndex((c) => c.type === channel.type) === i) }));
  }

  private assign(ctx: Context, contact: Contact, input: ContactDetailsInput, channels: ReturnType<ContactService['checkDetails']>): void {
    if (input.position !== undefined) contact.position = clean(input.position);
    if (input.birthday !== undefined) contact.birthday = input.birthday ?? null;
    if (input.notes !== undefined) contact.notes = clean(input.notes);
    if (channels) contact.channels.set(channels.map((channel, i) => ctx.em.create(ContactChannel, { contact, ...channel, position: i + 1 })));
  }
}
