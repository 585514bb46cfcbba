import { LockMode, type EntityClass, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { isUuid } from '../../shared/crud';
import { invalidState, notFound } from '../../shared/errors';
import { emitDocumentPosted } from './document.events';
import { nextDocumentNumber } from './document-number';
import { DocumentStatus } from './document-status';
import type { DocumentEntity } from './document.entity';
import type { DocumentType } from './document-type';
import { assertPeriodOpen } from './period-close.service';
import { Posting } from './posting';
import type { Recorder } from './recorder';
import type { RegisterDefinition } from './register';
import { lockBalances, recorderKeys, retractRows } from './register-store';

/**
 * The posting engine (DESIGN §4): the registers and document types every module
 * declared, and the verbs every document has. Posting locks the document, checks the
 * period and lets the type write its movements; unposting deletes exactly the
 * recorder's rows from the type's registers (their balances and totals follow), with
 * the registers' and the type's guards first; repost is both in one transaction;
 * cancel retracts a posted document. Every verb applies the user's record rules: a
 * document outside them is NOT_FOUND, as if it did not exist.
 */
export class Ledger {
  readonly registers: ReadonlyMap<string, RegisterDefinition>;
  private readonly types = new Map<string, DocumentType>();

  constructor(registers: readonly RegisterDefinition[], types: readonly DocumentType[]) {
    const byName = new Map<string, RegisterDefinition>();
    for (const register of registers) {
      if (byName.has(register.name)) throw new Error(`Register ${register.name} is declared twice`);
      byName.set(register.name, register);
    }
    this.registers = byName;
    for (const type of types) {
      if (this.types.has(type.type)) throw new Error(`Document type ${type.type} is declared twice`);
      for (const register of type.registers) {
        if (byName.get(register.name) !== register) throw new Error(`Document type ${type.type} posts into register ${register.name}, which no module declares`);
      }
      this.types.set(type.type, type);
    }
  }

  documentTypes(): DocumentType[] {
    return [...this.types.values()];
  }

  documentType(type: string): DocumentType | undefined {
    return this.types.get(type);
  }

  /** The next number of a type for a date's year, in the caller's transaction. */
  number(ctx: Context, type: DocumentType, date: string): Promise<string> {
    return nextDocumentNumber(ctx.em, type.prefix, date);
  }

  /** The record rule of a type as a query condition (null: the user sees every document of it). */
  scope<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>): FilterQuery<T> | null {
    if (!type.scopedBy) return null;
    const counterparties = ctx.services.counterparties.scope(ctx.user);
    return counterparties ? ({ [type.scopedBy]: counterparties } as FilterQuery<T>) : null;
  }

  /** One document the user may see, or null. */
  find<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>, id: string, options: { lock?: boolean } = {}): Promise<T | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const scope = this.scope(ctx, type);
    const where = (scope ? { $and: [{ id }, scope] } : { id }) as FilterQuery<T>;
    return ctx.em.findOne(type.entity, where, options.lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {}) as Promise<T | null>;
  }

  /** The document, read afresh and locked until the transaction ends (two verbs on one document take turns); NOT_FOUND when missing or out of scope. */
  async lock<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>, id: string): Promise<T> {
    const doc = await this.find(ctx, type, id, { lock: true });
    if (!doc) throw notFound(type.type, id);
    return doc;
  }

  name(type: Pick<DocumentType, 'label'>, doc: DocumentEntity): string {
    return `${type.label} ${doc.number}`;
  }

  async post<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>, id: string): Promise<T> {
    const doc = await this.lock(ctx, type, id);
    if (doc.status !== DocumentStatus.DRAFT) throw invalidState(`${this.name(type, doc)} is ${doc.status}; only a draft can be posted`, { status: doc.status });
    await assertPeriodOpen(ctx, doc.date);
    await this.write(ctx, type, doc);
    emitDocumentPosted(ctx, type, doc, 'POSTED');
    return doc;
  }

  async unpost<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>, id: string): Promise<T> {
    const doc = await this.lock(ctx, type, id);
    if (doc.status !== DocumentStatus.POSTED) throw invalidState(`${this.name(type, doc)} is ${doc.status}; only a posted document can be unposted`, { status: doc.status });
    await assertPeriodOpen(ctx, doc.date);
    await this.retract(ctx, type, doc);
    doc.status = DocumentStatus.DRAFT;
    doc.postedAt = null;
    await ctx.em.flush();
    emitDocumentPosted(ctx, type, doc, 'UNPOSTED');
    return doc;
  }

  /** Unpost and post again in one transaction: the document's movements are written anew from what it holds now. */
  async repost<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>, id: string): Promise<T> {
    const doc = await this.lock(ctx, type, id);
    if (doc.status !== DocumentStatus.POSTED) throw invalidState(`${this.name(type, doc)} is ${doc.status}; only a posted document can be reposted`, { status: doc.status });
    await assertPeriodOpen(ctx, doc.date);
    await this.retract(ctx, type, doc);
    await this.write(ctx, type, doc);
    emitDocumentPosted(ctx, type, doc, 'REPOSTED');
    return doc;
  }

  /** A draft or a posted document becomes CANCELLED; a posted one is retracted first. */
  async cancel<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>, id: string): Promise<T> {
    const doc = await this.lock(ctx, type, id);
    if (doc.status === DocumentStatus.CANCELLED) throw invalidState(`${this.name(type, doc)} is already CANCELLED`, { status: doc.status });
    if (doc.status === DocumentStatus.POSTED) {
      await assertPeriodOpen(ctx, doc.date);
      await this.retract(ctx, type, doc);
    }
    doc.status = DocumentStatus.CANCELLED;
    doc.postedAt = null;
    await ctx.em.flush();
    emitDocumentPosted(ctx, type, doc, 'CANCELLED');
    return doc;
  }

  private async write<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>, doc: T): Promise<void> {
    const posting = new Posting(ctx, this.recorderOf(type, doc), doc.date, this.name(type, doc));
    doc.status = DocumentStatus.POSTED;
    doc.postedAt = new Date();
    await ctx.em.flush();
    await type.post(ctx, doc, posting);
    await ctx.em.flush();
    posting.finish();
  }

  /**
   * Takes a posting back: every guard first (nothing has changed when one refuses), then
   * the balance rows of everything the recorder wrote are locked in key order, the
   * registers' hooks and row deletions run, and the type cleans up what it kept.
   */
  private async retract<T extends DocumentEntity>(ctx: Context, type: DocumentType<T>, doc: T): Promise<void> {
    const posting = new Posting(ctx, this.recorderOf(type, doc), doc.date, this.name(type, doc));
    const { recorder } = posting;
    for (const register of type.registers) await register.hooks?.guardRetract?.(ctx, recorder, posting.name);
    await type.guardRetract?.(ctx, doc, posting);
    const keys = new Map<RegisterDefinition, Awaited<ReturnType<typeof recorderKeys>>>();
    for (const register of type.registers) {
      if (!register.balance) continue;
      const own = await recorderKeys(ctx.em, register, recorder);
      await lockBalances(ctx.em, register, own);
      posting.markLocked(register, own);
      keys.set(register, own);
    }
    for (const register of type.registers) await register.hooks?.beforeRetract?.(ctx, recorder);
    for (const register of type.registers) {
      await retractRows(ctx.em, register, recorder, keys.get(register));
      posting.touch(register, keys.get(register) ?? []);
    }
    for (const register of type.registers) await register.hooks?.afterRetract?.(ctx, recorder);
    await type.afterRetract?.(ctx, doc, posting);
    await ctx.em.flush();
    posting.finish();
  }

  private recorderOf(type: Pick<DocumentType, 'type'>, doc: DocumentEntity): Recorder {
    return { type: type.type, id: doc.id };
  }

  /** How messages name recorder documents: "Write-off WO-2026-000003" (the type and id where it cannot be read), in the caller's transaction. */
  async describe(ctx: Context, recorders: readonly Recorder[]): Promise<string[]> {
    const names = new Map<string, string>();
    for (const typeName of new Set(recorders.map((r) => r.type))) {
      const type = this.types.get(typeName);
      if (!type) continue;
      const scope = this.scope(ctx, type);
      const ids = recorders.filter((r) => r.type === typeName && isUuid(r.id)).map((r) => r.id);
      const docs = await ctx.em.find(type.entity, (scope ? { $and: [{ id: { $in: ids } }, scope] } : { id: { $in: ids } }) as FilterQuery<DocumentEntity>);
      for (const doc of docs) names.set(`${typeName}:${doc.id}`, this.name(type, doc));
    }
    return recorders.map((r) => names.get(`${r.type}:${r.id}`) ?? `${r.type} ${r.id}`);
  }

  /**
   * The numbers of recorder documents (e.g. WO-2026-000003) the user may see, null for
   * an unknown type, a document that is gone or one outside the record rules: one
   * statement per request for all the rows asked about, whatever their types.
   */
  documentNumber(ctx: Context, recorder: Recorder): Promise<string | null> {
    return ctx.loaders
      .custom<Recorder, string | null>(
        'documentNumber',
        async (keys) => {
          const parts: string[] = [];
          for (const typeName of new Set(keys.map((k) => k.type))) {
            const type = this.types.get(typeName);
            const ids = keys.filter((k) => k.type === typeName && isUuid(k.id)).map((k) => k.id);
            if (!type || !ids.length) continue;
            const scope = this.scope(ctx, type);
            const qb = ctx.em.createQueryBuilder(type.entity as EntityClass<DocumentEntity>, 'd').select(['d.id', 'd.number']).where((scope ? { $and: [{ id: { $in: ids } }, scope] } : { id: { $in: ids } }) as never);
            // type names are our own identifiers; the rest is MikroORM's escaped SQL
            parts.push(`select '${type.type}' as type, x.id, x.number from (${qb.getFormattedQuery()}) x`);
          }
          const rows: { type: string; id: string; number: string }[] = parts.length ? await ctx.em.execute(parts.join(' union all ')) : [];
          const found = new Map(rows.map((r) => [`${r.type}:${r.id}`, r.number]));
          return keys.map((k) => found.get(`${k.type}:${k.id}`) ?? null);
        },
        (k) => `${k.type}:${k.id}`,
      )
      .load(recorder);
  }
}
