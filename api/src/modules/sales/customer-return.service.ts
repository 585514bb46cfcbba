import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput, invalidState, notFound } from '../../shared/errors';
import { notNull, required, type FieldMessages } from '../../shared/field-errors';
import { Decimal } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { totalsOf } from './sale-shares';
import { checkWarehouse } from '../inventory/stock-lines';
import { Warehouse } from '../inventory/warehouse.entity';
import { DocumentStatus } from '../ledger/document-status';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { customerReturnType } from './customer-return.document';
import { CustomerReturn, CustomerReturnLine } from './customer-return.entity';
import { returnLines, type ReturnLineData } from './customer-return-lines';
import type { Shipment } from './shipment.entity';
import type { CreateCustomerReturnInput, CustomerReturnListArgs, UpdateCustomerReturnInput } from './shipment.inputs';

/** Customer return drafts (RT-YYYY-NNNNNN) from one posted shipment. */
export class CustomerReturnService extends DocumentService<CustomerReturn> {
  protected readonly documentType = customerReturnType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'client.name', 'warehouse.code', 'total'];

  list(ctx: Context, args: CustomerReturnListArgs): Promise<Page<CustomerReturn>> {
    const f = args.filter;
    const conditions = documentConditions<CustomerReturn>(f, ['number']);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.shipmentId) conditions.push({ shipment: f.shipmentId });
    return this.page(ctx, conditions, args);
  }

  async create(ctx: Context, input: CreateCustomerReturnInput): Promise<CustomerReturn> {
    const shipment = await this.postedShipment(ctx, input.shipmentId);
    const fields: FieldMessages = {};
    const warehouseId = input.warehouseId ?? shipment.warehouse.id;
    await checkWarehouse(ctx.em, warehouseId, 'warehouseId', fields);
    if (!input.reason.trim()) fields.reason = required('say why the goods come back');
    const lines = await returnLines(ctx, shipment.id, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const doc = ctx.em.create(CustomerReturn, {
      number: await this.number(ctx, input.date),
      date: input.date,
      shipment: shipment.id,
      client: shipment.client.id,
      warehouse: warehouseId,
      reason: input.reason.trim(),
      comment: input.comment?.trim() || null,
    });
    this.setLines(ctx.em, doc, lines);
    await ctx.em.flush();
    return doc;
  }

  async update(ctx: Context, id: string, input: UpdateCustomerReturnInput): Promise<CustomerReturn> {
    const doc = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, CustomerReturn, id, input.version);
    const fields: FieldMessages = {};
    if (input.warehouseId === null) fields.warehouseId = notNull();
    if (input.reason !== undefined && !input.reason?.trim()) fields.reason = required('say why the goods come back');
    await checkWarehouse(ctx.em, input.warehouseId ?? undefined, 'warehouseId', fields);
    const lines = input.lines ? await returnLines(ctx, doc.shipment.id, input.lines, fields, doc.id) : null;
    if (Object.keys(fields).length) throw badInput(fields);
    if (lines) {
      await this.clearLines(ctx.em, doc);
      this.setLines(ctx.em, doc, lines);
      doc.updatedAt = new Date();
    }
    if (input.date) doc.date = input.date;
    if (input.warehouseId) doc.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.reason) doc.reason = input.reason.trim();
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return doc;
  }

  /** Per shipment and line, what posted returns brought back, in one statement. */
  async returnedOf(ctx: Context, shipmentIds: readonly string[]): Promise<Map<string, Map<number, string>>> {
    const rows: { shipment_id: string; shipment_line_no: number; quantity: string }[] = shipmentIds.length
      ? await ctx.em.execute(
          `select r.shipment_id, rl.shipment_line_no, sum(rl.quantity)::text as quantity from customer_return r join customer_return_line rl on rl.customer_return_id = r.id
           where r.status = 'POSTED' and r.shipment_id in (?) group by r.shipment_id, rl.shipment_line_no`,
          [[...shipmentIds]],
        )
      : [];
    const out = new Map<string, Map<number, string>>();
    for (const r of rows) out.set(r.shipment_id, (out.get(r.shipment_id) ?? new Map()).set(Number(r.shipment_line_no), new Decimal(r.quantity).toFixed()));
    return out;
  }

  /** NOT_FOUND when missing or out of scope; INVALID_STATE unless posted. */
  private async postedShipment(ctx: Context, id: string): Promise<Shipment> {
    const shipment = await ctx.services.shipments.get(ctx, id);
    if (!shipment) throw notFound('Shipment', id);
    if (shipment.status !== DocumentStatus.POSTED) throw invalidState(`Shipment ${shipment.number} is ${shipment.status}; only a posted shipment takes returns`, { status: shipment.status });
    return shipment;
  }

  private setLines(em: EntityManager, doc: CustomerReturn, lines: readonly ReturnLineData[]): void {
    lines.forEach((l, i) => em.create(CustomerReturnLine, { customerReturn: doc, lineNo: i + 1, shipmentLineNo: l.shipmentLineNo, product: l.productId, quantity: l.quantity, condition: l.condition, amount: l.amount, vat: l.vat, total: l.total, discount: l.discount }));
    Object.assign(doc, totalsOf(lines));
  }
}
