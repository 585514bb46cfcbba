import type { Collection, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { listPage } from '../../shared/crud';
import { invalidState } from '../../shared/errors';
import type { Page, PageArgs } from '../../shared/pagination';
import { DocumentStatus } from './document-status';
import type { DocumentType } from './document-type';
import type { DocumentEntity } from './document.entity';

/** What every document list sorts by; a type adds its own columns (`sortable`), linked names included. */
export const DOCUMENT_SORTABLE = ['number', 'date', 'status', 'comment', 'postedAt', 'createdAt', 'updatedAt'] as const;

/** A document, usually with lines (any entity collection). */
export type DocumentWithLines = DocumentEntity & { lines?: Collection<object> };

/**
 * What every document service shares (DESIGN §4): reads and lists under the type's
 * record rules, drafts that only a draft can be edited or deleted, and the verbs
 * (post, unpost, repost, cancel), which the ledger engine runs. A document's own service
 * adds its create, update and list filters.
 */
export abstract class DocumentService<T extends DocumentWithLines> {
  protected abstract readonly documentType: DocumentType<T>;
  /** The fields its list sorts by (`warehouse.name` sorts by the linked warehouse's name). */
  protected readonly sortable: readonly string[] = DOCUMENT_SORTABLE;

  get(ctx: Context, id: string): Promise<T | null> {
    return ctx.services.ledger.find(ctx, this.documentType, id);
  }

  /** A page of the documents the user may see that meet the conditions. */
  protected page(ctx: Context, conditions: FilterQuery<T>[], args: PageArgs, defaultSort = 'number'): Promise<Page<T>> {
    const scope = ctx.services.ledger.scope(ctx, this.documentType);
    return listPage(ctx.em, this.documentType.entity, scope ? [...conditions, scope] : conditions, args, this.sortable, defaultSort);
  }

  protected number(ctx: Context, date: string): Promise<string> {
    return ctx.services.ledger.number(ctx, this.documentType, date);
  }

  protected name(ctx: Context, doc: T): string {
    return ctx.services.ledger.name(this.documentType, doc);
  }

  /** The draft, locked: NOT_FOUND when missing or out of scope, INVALID_STATE when not a draft. */
  protected async lockDraft(ctx: Context, id: string, verb: string): Promise<T> {
    const doc = await ctx.services.ledger.lock(ctx, this.documentType, id);
    if (doc.status !== DocumentStatus.DRAFT) throw invalidState(`${this.name(ctx, doc)} is ${doc.status}; only a draft can be ${verb}`, { status: doc.status });
    return doc;
  }

  /** Deletes the draft's lines (before new ones are added). */
  protected async clearLines(em: EntityManager, doc: T): Promise<void> {
    if (!doc.lines) return;
    await doc.lines.init();
    doc.lines.removeAll();
    await em.flush();
  }

  async delete(ctx: Context, id: string): Promise<T> {
    const doc = await this.lockDraft(ctx, id, 'deleted');
    await doc.lines?.init(); // removed with it (orphan removal)
    ctx.em.remove(doc);
    await ctx.em.flush();
    return doc;
  }

  post(ctx: Context, id: string): Promise<T> {
    return ctx.services.ledger.post(ctx, this.documentType, id);
  }

  unpost(ctx: Context, id: string): Promise<T> {
    return ctx.services.ledger.unpost(ctx, this.documentType, id);
  }

  repost(ctx: Context, id: string): Promise<T> {
    return ctx.services.ledger.repost(ctx, this.documentType, id);
  }

  cancel(ctx: Context, id: string): Promise<T> {
    return ctx.services.ledger.cancel(ctx, this.documentType, id);
  }
}
