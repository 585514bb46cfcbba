import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageType } from '../../shared/pagination';
import type { Context } from '../../server/context';
import { User } from '../identity/user.entity';
import { PriceType } from '../pricing/price-type.entity';
import { ClientNote } from './client-note.entity';
import { ClientReference } from './client-reference.entity';
import { ClientReferenceListArgs, CreateClientReferenceInput, UpdateClientReferenceInput } from './client-reference.inputs';
import { ContactChannel as ContactChannelType, Contact } from './contact.entity';
import { ContactListArgs, CreateContactInput, UpdateContactInput } from './contact.inputs';

const ContactPage = PageType(Contact);
const ClientReferencePage = PageType(ClientReference);
import { Counterparty } from './counterparty.entity';

/** A client's CRM profile (issue 13 §1, §3): its classification, contact persons and notes. */
@Resolver(() => Counterparty)
export class CounterpartyProfileResolver {
  @FieldResolver(() => ClientReference, { nullable: true })
  region(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return c.region ? ctx.loaders.byId(ClientReference).load(c.region.id) : null;
  }

  @FieldResolver(() => ClientReference, { nullable: true })
  industry(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return c.industry ? ctx.loaders.byId(ClientReference).load(c.industry.id) : null;
  }

  @FieldResolver(() => ClientReference, { nullable: true, description: 'Its default price type applies when the client has none of its own' })
  segment(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return c.segment ? ctx.loaders.byId(ClientReference).load(c.segment.id) : null;
  }

  @FieldResolver(() => ClientReference, { nullable: true })
  leadSource(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return c.leadSource ? ctx.loaders.byId(ClientReference).load(c.leadSource.id) : null;
  }

  @Authorized('contact:read')
  @FieldResolver(() => [Contact], { nullable: true, description: 'Its people, by name (null with FORBIDDEN without contact:read)' })
  contacts(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(Contact, 'counterparty', { name: 'asc' }).load(c.id);
  }

  @Authorized('clientNote:read')
  @FieldResolver(() => [ClientNote], { nullable: true, description: 'Newest first (null with FORBIDDEN without clientNote:read)' })
  notes(@Root() c: Counterparty, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(ClientNote, 'counterparty', { createdAt: 'desc' }).load(c.id);
  }
}

@Resolver(() => Contact)
export class ContactResolver {
  @Authorized('contact:read')
  @Query(() => ContactPage, { description: 'Contact persons of the counterparties the caller may see' })
  contacts(@Args() args: ContactListArgs, @Ctx() ctx: Context) {
    return ctx.services.contacts.list(ctx, args);
  }

  @Authorized('contact:read')
  @Query(() => Contact, { nullable: true, description: "Null when missing or its counterparty is outside the caller's record rules" })
  contact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contacts.get(ctx, id);
  }

  @Authorized('contact:create')
  @Mutation(() => Contact)
  createContact(@Arg('input') input: CreateContactInput, @Ctx() ctx: Context) {
    return ctx.services.contacts.create(ctx, input);
  }

  @Authorized('contact:update')
  @Mutation(() => Contact)
  updateContact(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateContactInput, @Ctx() ctx: Context) {
    return ctx.services.contacts.update(ctx, id, input);
  }

  @Authorized('contact:delete')
  @Mutation(() => Contact)
  deleteContact(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.contacts.delete(ctx, id);
  }

  @FieldResolver(() => Counterparty)
  counterparty(@Root() contact: Contact, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(contact.counterparty.id);
  }

  @FieldResolver(() => [ContactChannelType])
  channels(@Root() contact: Contact, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(ContactChannelType, 'contact', { position: 'asc' }).load(contact.id);
  }
}

@Resolver(() => ClientNote)
export class ClientNoteResolver {
  @Authorized('clientNote:create')
  @Mutation(() => ClientNote)
  addClientNote(@Arg('counterpartyId', () => ID) counterpartyId: string, @Arg('text') text: string, @Ctx() ctx: Context) {
    return ctx.services.clientNotes.add(ctx, counterpartyId, text);
  }

  @Authorized('clientNote:update')
  @Mutation(() => ClientNote, { description: 'The author only (or a head of sales)' })
  updateClientNote(@Arg('id', () => ID) id: string, @Arg('text') text: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return ctx.services.clientNotes.update(ctx, id, text, version);
  }

  @Authorized('clientNote:update')
  @Mutation(() => ClientNote, { description: 'The author only (or a head of sales)' })
  deleteClientNote(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.clientNotes.delete(ctx, id);
  }

  @FieldResolver(() => User, { description: 'Who wrote it' })
  author(@Root() note: ClientNote, @Ctx() ctx: Context) {
    return ctx.loaders.byId(User).load(note.author.id);
  }
}

@Resolver(() => ClientReference)
export class ClientReferenceResolver {
  @Authorized('counterparty:read')
  @Query(() => ClientReferencePage, { description: 'Regions, industries, segments and lead sources' })
  clientReferences(@Args() args: ClientReferenceListArgs, @Ctx() ctx: Context) {
    return ctx.services.clientReferences.list(ctx, args);
  }

  @Authorized('counterparty:read')
  @Query(() => ClientReference, { nullable: true })
  clientReference(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.clientReferences.get(ctx, id);
  }

  @Authorized('clientReference:create')
  @Mutation(() => ClientReference)
  createClientReference(@Arg('input') input: CreateClientReferenceInput, @Ctx() ctx: Context) {
    return ctx.services.clientReferences.create(ctx, input);
  }

  @Authorized('clientReference:update')
  @Mutation(() => ClientReference)
  updateClientReference(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateClientReferenceInput, @Ctx() ctx: Context) {
    return ctx.services.clientReferences.update(ctx, id, input);
  }

  @FieldResolver(() => PriceType, { nullable: true })
  defaultPriceType(@Root() entry: ClientReference, @Ctx() ctx: Context) {
    return entry.defaultPriceType ? ctx.loaders.byId(PriceType).load(entry.defaultPriceType.id) : null;
  }
}
