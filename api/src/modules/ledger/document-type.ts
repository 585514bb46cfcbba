import type { EntityClass } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import type { DocumentEntity } from './document.entity';
import type { Posting } from './posting';
import type { RegisterDefinition } from './register';

/**
 * A document type says what its posting writes; the ledger engine does the rest (DESIGN
 * §4): post, unpost, repost and cancel, the period check, numbering and record rules. It
 * is declared by its module (`documentTypes` in `<area>.module.ts`).
 */
export interface DocumentType<T extends DocumentEntity = DocumentEntity> {
  /** The recorder type of its register rows, e.g. 'WriteOff'. */
  readonly type: string;
  readonly entity: EntityClass<T>;
  /** Of its numbers: WO → WO-2026-000017. */
  readonly prefix: string;
  /** How messages name it, e.g. 'Write-off'. */
  readonly label: string;
  /** The registers its posting writes: unposting deletes its rows from these. */
  readonly registers: readonly RegisterDefinition[];
  /**
   * The reference to the counterparty whose record rules scope the document (a sales
   * manager sees the documents of their clients, a partner its own); unscoped without.
   */
  readonly scopedBy?: string;
  /** Checks the draft again (what it names may have changed since it was saved) and writes its movements through `posting`. */
  post(ctx: Context, doc: T, posting: Posting): Promise<void>;
  /** Refuses to take a posting back while later documents stand on it; runs before anything changes. */
  guardRetract?(ctx: Context, doc: T, posting: Posting): Promise<void>;
  /** After its register rows are gone (unpost, cancel, repost): what the document itself kept of its posting. */
  afterRetract?(ctx: Context, doc: T, posting: Posting): Promise<void>;
}

/** Declares a document type (a typed identity: the module lists it in `documentTypes`). */
export function defineDocumentType<T extends DocumentEntity>(type: DocumentType<T> & { scopedBy?: keyof T & string }): DocumentType<T> {
  return type;
}
