import { LockMode, type FilterQuery } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { baseConditions, isUuid, listPage } from '../../shared/crud';
import { badInput, conflict, invalidState, notFound } from '../../shared/errors';
import { FieldReason, onLine, problem, required, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { checkLines, checkWarehouse } from '../inventory/stock-lines';
import { nextDocumentNumber } from '../ledger/document-number';
import { Warehouse } from '../inventory/warehouse.entity';
import { User } from '../identity/user.entity';
import { RequisitionStatus } from './requisition-status';
import { PurchaseRequisition, PurchaseRequisitionLine } from './requisition.entity';
import type { CreatePurchaseRequisitionInput, PurchaseRequisitionLineInput, PurchaseRequisitionListArgs, UpdatePurchaseRequisitionInput } from './requisition.inputs';

export const REQUISITION_PREFIX = 'PR';
/** Who decides requisitions (and sees everyone's once submitted): PURCHASING and ADMIN. */
export const APPROVE = 'requisition:approve';
const SORTABLE = ['number', 'date', 'status', 'submittedAt', 'decidedAt', 'createdAt', 'updatedAt', 'warehouse.code', 'requestedBy.name'] as const;

/**
 * Purchase requisitions (issue 14, item 1): a staff member's DRAFT, edited and SUBMITTED
 * by them; APPROVED or REJECTED (with a reason) by purchasing; CLOSED when nothing more
 * will be ordered. Record rules: a requester sees their own requisitions; purchasing
 * (requisition:approve) sees everyone's once submitted — another's draft is NOT_FOUND to
 * everyone but its author.
 */
export class RequisitionService {
  scope(ctx: Context): FilterQuery<PurchaseRequisition> | null {
    const user = ctx.user;
    if (!user) return null;
    if (user.permissions.has(APPROVE)) return { $or: [{ requestedBy: user.id }, { status: { $ne: RequisitionStatus.DRAFT } }] };
    return { requestedBy: user.id };
  }

  get(ctx: Context, id: string): Promise<PurchaseRequisition | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const scope = this.scope(ctx);
    return ctx.em.findOne(PurchaseRequisition, scope ? { $and: [{ id }, scope] } : { id });
  }

  list(ctx: Context, args: PurchaseRequisitionListArgs): Promise<Page<PurchaseRequisition>> {
    const f = args.filter;
    const conditions = baseConditions<PurchaseRequisition>(f, ['number', 'comment']);
    if (f?.status) conditions.push({ status: f.status });
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    if (f?.requestedById) conditions.push({ requestedBy: f.requestedById });
    if (f?.dateFrom) conditions.push({ date: { $gte: f.dateFrom } });
    if (f?.dateTo) conditions.push({ date: { $lte: f.dateTo } });
    const scope = this.scope(ctx);
    if (scope) conditions.push(scope);
    return listPage(ctx.em, PurchaseRequisition, conditions, args, SORTABLE, 'number');
  }

  /** Read afresh and locked until the transaction ends; NOT_FOUND when missing or out of scope. */
  async lock(ctx: Context, id: string): Promise<PurchaseRequisition> {
    const scope = this.scope(ctx);
    const found = isUuid(id) ? await ctx.em.findOne(PurchaseRequisition, scope ? { $and: [{ id }, scope] } : { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!found) throw notFound('PurchaseRequisition', id);
    return found;
  }

  linesOf(ctx: Context, requisitionIds: readonly string[]): Promise<PurchaseRequisitionLine[]> {
    return ctx.em.find(PurchaseRequisitionLine, { requisition: { $in: [...requisitionIds] } }, { orderBy: [{ requisition: 'asc' }, { lineNo: 'asc' }] });
  }

  async create(ctx: Context, input: CreatePurchaseRequisitionInput): Promise<PurchaseRequisition> {
    const fields: FieldMessages = {};
    await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    await this.checkLines(ctx, input.date, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const requisition = ctx.em.create(PurchaseRequisition, {
      number: await nextDocumentNumber(ctx.em, REQUISITION_PREFIX, input.date),
      date: input.date,
      warehouse: input.warehouseId,
      requestedBy: ctx.user!.id,
      comment: input.comment?.trim() || null,
    });
    this.setLines(ctx, requisition, input.lines);
    await ctx.em.flush();
    return requisition;
  }

  async update(ctx: Context, id: string, input: UpdatePurchaseRequisitionInput): Promise<PurchaseRequisition> {
    const requisition = await this.lockIn(ctx, id, [RequisitionStatus.DRAFT], 'edited');
    if (requisition.version !== input.version) {
      throw conflict(`Requisition ${requisition.number} was changed by someone else (version ${requisition.version}, yours ${input.version}); reload it`, { reason: 'STALE_VERSION', currentVersion: requisition.version });
    }
    const fields: FieldMessages = {};
    if (input.warehouseId) await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    const date = input.date ?? requisition.date;
    const lines = input.lines ?? (await this.linesOf(ctx, [requisition.id])).map((l) => ({ productId: l.product.id, quantity: l.quantity, neededBy: l.neededBy, comment: l.comment }));
    await this.checkLines(ctx, date, lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    requisition.date = date;
    if (input.warehouseId) requisition.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.comment !== undefined) requisition.comment = input.comment?.trim() || null;
    if (input.lines) {
      await requisition.lines.init();
      requisition.lines.removeAll();
      await ctx.em.flush();
      this.setLines(ctx, requisition, input.lines);
    }
    requisition.updatedAt = new Date();
    await ctx.em.flush();
    return requisition;
  }

  async delete(ctx: Context, id: string): Promise<PurchaseRequisition> {
    const requisition = await this.lockIn(ctx, id, [RequisitionStatus.DRAFT], 'deleted');
    await requisition.lines.init();
    ctx.em.remove(requisition);
    await ctx.em.flush();
    return requisition;
  }

  /** DRAFT → SUBMITTED: purchasing sees it from now on. Its lines are checked again (a product may have changed). */
  async submit(ctx: Context, id: string): Promise<PurchaseRequisition> {
    const requisition = await this.lockIn(ctx, id, [RequisitionStatus.DRAFT], 'submitted');
    const fields: FieldMessages = {};
    const lines = await this.linesOf(ctx, [requisition.id]);
    await this.checkLines(ctx, requisition.date, lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, neededBy: l.neededBy })), fields);
    if (Object.keys(fields).length) throw badInput(fields);
    requisition.status = RequisitionStatus.SUBMITTED;
    requisition.submittedAt = new Date();
    await ctx.em.flush();
    return requisition;
  }

  /** SUBMITTED → APPROVED: its lines may now be ordered. */
  async approve(ctx: Context, id: string): Promise<PurchaseRequisition> {
    const requisition = await this.lockIn(ctx, id, [RequisitionStatus.SUBMITTED], 'approved');
    this.decide(ctx, requisition, RequisitionStatus.APPROVED, null);
    await ctx.em.flush();
    return requisition;
  }

  /** SUBMITTED (or APPROVED with nothing ordered yet) → REJECTED, with the reason (BAD_USER_INPUT on reason when blank). */
  async reject(ctx: Context, id: string, reason: string): Promise<PurchaseRequisition> {
    const why = reason?.trim();
    if (!why) throw badInput({ reason: required('give the reason for rejecting') });
    if (why.length > 2000) throw badInput({ reason: problem(FieldReason.TOO_LONG, 'must be at most 2000 characters', { max: 2000 }) });
    const requisition = await this.lockIn(ctx, id, [RequisitionStatus.SUBMITTED, RequisitionStatus.APPROVED], 'rejected');
    this.decide(ctx, requisition, RequisitionStatus.REJECTED, why);
    await ctx.em.flush();
    return requisition;
  }

  /** Nothing more will be ordered of it: APPROVED, PARTLY_ORDERED or ORDERED → CLOSED. */
  async close(ctx: Context, id: string): Promise<PurchaseRequisition> {
    const requisition = await this.lockIn(ctx, id, [RequisitionStatus.APPROVED, RequisitionStatus.PARTLY_ORDERED, RequisitionStatus.ORDERED], 'closed');
    requisition.status = RequisitionStatus.CLOSED;
    await ctx.em.flush();
    return requisition;
  }

  /** The requisition locked, INVALID_STATE unless in one of the statuses. */
  async lockIn(ctx: Context, id: string, statuses: readonly RequisitionStatus[], verb: string): Promise<PurchaseRequisition> {
    const requisition = await this.lock(ctx, id);
    if (!statuses.includes(requisition.status)) {
      throw invalidState(`Requisition ${requisition.number} is ${requisition.status}; only ${statuses.join(' or ')} can be ${verb}`, { status: requisition.status, allowed: [...statuses] });
    }
    return requisition;
  }

  private decide(ctx: Context, requisition: PurchaseRequisition, status: RequisitionStatus, reason: string | null): void {
    requisition.status = status;
    requisition.decidedBy = ctx.user ? ctx.em.getReference(User, ctx.user.id, { wrapped: true }) : null;
    requisition.decidedAt = new Date();
    requisition.rejectionReason = reason;
  }

  /** Products, quantities (GOODS, > 0, the unit's places) and needed-by dates not before the requisition date. */
  private async checkLines(ctx: Context, date: string, lines: readonly Pick<PurchaseRequisitionLineInput, 'productId' | 'quantity' | 'neededBy'>[], fields: FieldMessages): Promise<void> {
    await checkLines(ctx, lines, fields);
    lines.forEach((line, i) => {
      if (line.neededBy && line.neededBy < date) fields[`lines.${i}.neededBy`] = onLine(i + 1, problem(FieldReason.NOT_BEFORE, 'cannot be before the requisition date', { field: 'date', value: date }));
    });
  }

  private setLines(ctx: Context, requisition: PurchaseRequisition, lines: readonly PurchaseRequisitionLineInput[]): void {
    lines.forEach((line, i) => {
      requisition.lines.add(
        ctx.em.create(PurchaseRequisitionLine, { requisition, lineNo: i + 1, product: line.productId, quantity: line.quantity, neededBy: line.neededBy ?? null, comment: line.comment?.trim() || null }),
      );
    });
  }
}
