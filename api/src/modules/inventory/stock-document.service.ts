import { Decimal, MAX_QUANTITY } from '../../shared/money';
import type { Collection, EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findById } from '../../shared/crud';
import { badInput, invalidState } from '../../shared/errors';
import { emitAfterCommit } from '../../shared/event-bus';
import { ProductKind } from '../catalog/product.entity';
import type { DocumentEntity } from '../ledger/document.entity';
import { lockDocument } from '../ledger/document-lock';
import { DocumentStatus } from '../ledger/document-status';
import { assertPeriodOpen } from '../ledger/period-close.service';
import type { Recorder } from '../ledger/recorder';
import { assertNotAdjusted } from './cost-adjustment';
import type { StockLineInput } from './outgoing-stock.inputs';
import { restoreConsumedLots, type ConsumedPart } from './stock-consumption';
import { consumersOfLots, deleteRecorder, type StockKey } from './stock-register';

export const STOCK_CHANGED = 'STOCK_CHANGED';


export const DOCUMENT_SORTABLE = ['number', 'date', 'status', 'postedAt', 'createdAt', 'updatedAt'] as const;

export interface CheckedLine {
  productId: string;
  quantity: string;
  /** The product's VAT rate (a receipt line's default). */
  productVatRate?: string;
}

/** A document line as its posting reads it. */
export interface PostedLine {
  lineNo: number;
  productId: string;
  quantity: string;
}

/** A stock document: a DocumentEntity with lines. */
type StockDocument = DocumentEntity & { lines: Collection<object> };

export async function checkWarehouse(em: EntityManager, id: string | undefined, field: string, fields: Record<string, string>): Promise<void> {
  if (!id) return;
  const [w]: { active: boolean }[] = await em.execute('select active from warehouse where id = ?', [id]);
  if (!w) fields[field] = 'no such warehouse';
  else if (!w.active) fields[field] = 'the warehouse is inactive';
}

/**
 * Lines keyed `lines.<index>.<field>`: a GOODS product that exists, quantity > 0 (≥ 0
 * with allowZero) with ≤ 3 places; `quantityField` names the quantity in the input.
 */
export async function checkLines(em: EntityManager, lines: StockLineInput[], fields: Record<string, string>, { allowZero = false, quantityField = 'quantity' } = {}): Promise<CheckedLine[]> {
  const ids = [...new Set(lines.map((l) => l.productId))];
  const rows: { id: string; sku: string; kind: string; vat_rate: string }[] = ids.length ? await em.execute('select id, sku, kind, vat_rate::text as vat_rate from product where id in (?)', [ids]) : [];
  const products = new Map(rows.map((r) => [r.id, r]));
  return lines.map((line, i) => {
    const n = i + 1;
    const product = products.get(line.productId);
    if (!product) fields[`lines.${i}.productId`] = `line ${n}: no such product`;
    else if (product.kind !== ProductKind.GOODS) fields[`lines.${i}.productId`] = `line ${n}: ${product.sku} is a ${product.kind}; only GOODS are kept in stock`;
    const quantity = new Decimal(line.quantity);
    const field = `lines.${i}.${quantityField}`;
    if (allowZero ? quantity.lt(0) : quantity.lte(0)) fields[field] = `line ${n}: the quantity must be ${allowZero ? 'zero or more' : 'greater than 0'}`;
    else if (quantity.decimalPlaces() > 3) fields[field] = `line ${n}: the quantity must have at most 3 decimal places`;
    else if (quantity.gt(MAX_QUANTITY)) fields[field] = `line ${n}: the quantity is too large`;
    return { productId: line.productId, quantity: quantity.toFixed(), productVatRate: product?.vat_rate };
  });
}

/** The cost of each line's consumed parts, in line order. */
export function costPerLine(parts: ConsumedPart[]): { lineNo: number; productId: string; cost: string }[] {
  const perLine = new Map<number, { productId: string; cost: Decimal }>();
  for (const p of parts) {
    const e = perLine.get(p.lineNo) ?? { productId: p.productId, cost: new Decimal(0) };
    perLine.set(p.lineNo, { productId: p.productId, cost: e.cost.plus(p.cost) });
  }
  return [...perLine].sort(([a], [b]) => a - b).map(([lineNo, e]) => ({ lineNo, productId: e.productId, cost: e.cost.toFixed() }));
}

export function announce(ctx: Context, keys: StockKey[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    const k = `${key.warehouseId}:${key.productId}`;
    if (seen.has(k)) continue;
    seen.add(k);
    emitAfterCommit(ctx, STOCK_CHANGED, { warehouseId: key.warehouseId, productId: key.productId });
  }
}

/**
 * The verbs every stock document shares (DESIGN §4). Every verb locks the document row
 * first, so two verbs on one document take turns. Posting checks the draft again (what
 * it names may have changed since it was saved) and writes through `write`; unposting
 * is refused while other documents took from the lots it made or a landed cost adjusted
 * what it took, then gives the source lots back exactly what its own movements took,
 * deletes its register rows and then its lots.
 */
export abstract class StockDocumentService<T extends StockDocument> {
  protected abstract readonly entity: new () => T;
  /** The recorder type of its register rows, e.g. 'WriteOff'. */
  protected abstract readonly type: string;
  /** How messages name it, e.g. 'Write-off'. */
  protected abstract readonly label: string;
  protected abstract linesOf(em: EntityManager, doc: T): Promise<PostedLine[]>;
  protected abstract checkDocument(em: EntityManager, doc: T, lines: CheckedLine[], fields: Record<string, string>): Promise<void>;
  protected abstract write(ctx: Context, doc: T, recorder: Recorder, lines: PostedLine[]): Promise<StockKey[]>;
  protected abstract replaceLines(em: EntityManager, doc: T, lines: CheckedLine[]): Promise<void>;

  /** The checks of the lines when posting; a count overrides it (a counted quantity may be 0). */
  protected checkPostedLines(em: EntityManager, lines: PostedLine[], fields: Record<string, string>): Promise<CheckedLine[]> {
    return checkLines(em, lines, fields);
  }

  /** After the register rows are gone (unpost, cancel): what the document itself kept of its posting. */
  protected async afterRetract(_em: EntityManager, _doc: T): Promise<void> {}

  get(ctx: Context, id: string): Promise<T | null> {
    return findById(ctx.em, this.entity as never, id) as Promise<T | null>;
  }

  protected name(doc: T) {
    return `${this.label} ${doc.number}`;
  }

  protected async lockDraft(em: EntityManager, id: string, verb: string): Promise<T> {
    const doc = await lockDocument(em, this.entity, id);
    if (doc.status !== DocumentStatus.DRAFT) throw invalidState(`${this.name(doc)} is ${doc.status}; only a draft can be ${verb}`, { status: doc.status });
    return doc;
  }

  /** Deletes the draft's lines (before new ones are added). */
  protected async clearLines(em: EntityManager, doc: T): Promise<void> {
    await doc.lines.init();
    doc.lines.removeAll();
    await em.flush();
  }

  protected async setLines(em: EntityManager, doc: T, lines: CheckedLine[] | null): Promise<void> {
    if (!lines) return;
    await this.replaceLines(em, doc, lines);
    doc.updatedAt = new Date();
  }

  async delete(ctx: Context, id: string): Promise<T> {
    const doc = await this.lockDraft(ctx.em, id, 'deleted');
    await (doc.lines as unknown as { init(): Promise<unknown> }).init();
    ctx.em.remove(doc);
    await ctx.em.flush();
    return doc;
  }

  async post(ctx: Context, id: string): Promise<T> {
    const doc = await this.lockDraft(ctx.em, id, 'posted');
    await assertPeriodOpen(ctx, doc.date);
    const lines = await this.linesOf(ctx.em, doc);
    if (!lines.length) throw invalidState(`${this.name(doc)} has no lines to post`, { reason: 'NO_LINES' });
    const fields: Record<string, string> = {};
    await this.checkDocument(ctx.em, doc, await this.checkPostedLines(ctx.em, lines, fields), fields);
    if (Object.keys(fields).length) throw badInput(fields);
    doc.status = DocumentStatus.POSTED;
    doc.postedAt = new Date();
    await ctx.em.flush();
    announce(ctx, await this.write(ctx, doc, { type: this.type, id: doc.id }, lines));
    return doc;
  }

  async unpost(ctx: Context, id: string): Promise<T> {
    const doc = await lockDocument(ctx.em, this.entity, id);
    if (doc.status !== DocumentStatus.POSTED) throw invalidState(`${this.name(doc)} is ${doc.status}; only a posted document can be unposted`, { status: doc.status });
    await assertPeriodOpen(ctx, doc.date);
    await this.retract(ctx, doc);
    doc.status = DocumentStatus.DRAFT;
    doc.postedAt = null;
    await ctx.em.flush();
    return doc;
  }

  async cancel(ctx: Context, id: string): Promise<T> {
    const doc = await lockDocument(ctx.em, this.entity, id);
    if (doc.status === DocumentStatus.CANCELLED) throw invalidState(`${this.name(doc)} is already CANCELLED`, { status: doc.status });
    if (doc.status === DocumentStatus.POSTED) {
      await assertPeriodOpen(ctx, doc.date);
      await this.retract(ctx, doc);
    }
    doc.status = DocumentStatus.CANCELLED;
    doc.postedAt = null;
    await ctx.em.flush();
    return doc;
  }

  private async retract(ctx: Context, doc: T): Promise<void> {
    const recorder = { type: this.type, id: doc.id };
    await assertNotAdjusted(ctx.em, recorder, this.name(doc));
    const consumers = await consumersOfLots(ctx.em, recorder);
    if (consumers.length) {
      throw invalidState(`${this.name(doc)} cannot be unposted: its lots were taken by ${consumers.map((c) => `${c.type} ${c.id}`).join(', ')}; unpost those first`, {
        reason: 'LOTS_CONSUMED',
        consumers: consumers.map((c) => ({ recorderType: c.type, recorderId: c.id })),
      });
    }
    await restoreConsumedLots(ctx.em, recorder);
    const touched = await deleteRecorder(ctx.em, recorder);
    await ctx.em.execute('delete from stock_lot where recorder_type = ? and recorder_id = ?', [recorder.type, recorder.id]);
    await this.afterRetract(ctx.em, doc);
    announce(ctx, touched);
  }
}
