import type { Context } from '../../server/context';
import { findForChange, isUuid } from '../../shared/crud';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { noSuch, required } from '../../shared/field-errors';
import { ClientNote } from './client-note.entity';
import { CLIENT_NOTE_ADDED, emitClientFact, type ClientNoteAdded } from './client.events';
import { seesAllCounterparties } from './counterparty.scope';
import { noteChangedOnTimeline } from './timeline.handlers';

/** Impressions and notes about a client: anyone who sees the client reads them; only the author (or a head) changes or deletes one, and its timeline entry follows. */
export class ClientNoteService {
  async get(ctx: Context, id: string): Promise<ClientNote | null> {
    if (!isUuid(id)) return null;
    const note = await ctx.em.findOne(ClientNote, { id });
    return note && (await ctx.services.counterparties.get(ctx, note.counterparty.id)) ? note : null;
  }

  async add(ctx: Context, counterpartyId: string, text: string): Promise<ClientNote> {
    if (!text.trim()) throw badInput({ text: required('must not be blank') });
    if (!(await ctx.services.counterparties.get(ctx, counterpartyId))) throw badInput({ counterpartyId: noSuch('Counterparty', 'no such counterparty') });
    const note = ctx.em.create(ClientNote, { counterparty: counterpartyId, author: ctx.user!.id, text: text.trim() });
    await ctx.em.flush();
    emitClientFact<ClientNoteAdded>(ctx, CLIENT_NOTE_ADDED, { clientId: counterpartyId, noteId: note.id, text: note.text });
    return note;
  }

  async update(ctx: Context, id: string, text: string, version: number): Promise<ClientNote> {
    if (!text.trim()) throw badInput({ text: required('must not be blank') });
    const note = await this.forChange(ctx, id, version);
    note.text = text.trim();
    await ctx.em.flush();
    await noteChangedOnTimeline(ctx, note.id, note.text);
    return note;
  }

  async delete(ctx: Context, id: string): Promise<ClientNote> {
    const note = await this.forChange(ctx, id);
    ctx.em.remove(note);
    // the note first: a timeline handler writing its entry holds it, so the entry is there to take once it is gone
    await ctx.em.flush();
    await noteChangedOnTimeline(ctx, id, null);
    return note;
  }

  private async forChange(ctx: Context, id: string, version?: number): Promise<ClientNote> {
    const seen = await this.get(ctx, id);
    if (!seen) throw notFound(ClientNote.name, id);
    if (seen.author.id !== ctx.user!.id && !seesAllCounterparties(ctx.user)) throw forbidden('Only the author of a note (or a head of sales) can change or delete it');
    return findForChange(ctx.em, ClientNote, id, version);
  }
}
