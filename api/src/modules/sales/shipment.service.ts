import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { findForChange } from '../../shared/crud';
import { badInput, invalidState, notFound } from '../../shared/errors';
import { FieldReason, problem, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { totalsOf } from './sale-shares';
import { checkWarehouse } from '../inventory/stock-lines';
import { Warehouse } from '../inventory/warehouse.entity';
import { DOCUMENT_SORTABLE, DocumentService } from '../ledger/document.service';
import { documentConditions } from '../ledger/document.filter';
import { OrderStatus } from './order-status';
import type { CustomerOrder } from './order.entity';
import { shipmentType } from './shipment.document';
import { Shipment, ShipmentLine } from './shipment.entity';
import type { CreateShipmentFromOrderInput, CreateShipmentInput, ShipmentListArgs, UpdateShipmentInput } from './shipment.inputs';
import { checkClient, nothingToShip, orderLines, pricedLines, type ShipmentLineData } from './shipment-lines';

/** Shipment drafts (SH-YYYY-NNNNNN): from an order at its frozen prices, or standalone at prices of their own. */
export class ShipmentService extends DocumentService<Shipment> {
  protected readonly documentType = shipmentType;
  protected readonly sortable = [...DOCUMENT_SORTABLE, 'client.name', 'warehouse.code', 'total'];

  list(ctx: Context, args: ShipmentListArgs): Promise<Page<Shipment>> {
    const f = args.filter;
    const conditions = documentConditions<Shipment>(f, ['number']);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.orderId) conditions.push({ order: f.orderId });
    if (f?.warehouseId) conditions.push({ warehouse: f.warehouseId });
    return this.page(ctx, conditions, args);
  }

  /** All that is left of an order, or the lines and quantities asked; the order must be confirmed or partially shipped. */
  async createFromOrder(ctx: Context, input: CreateShipmentFromOrderInput): Promise<Shipment> {
    const order = await ctx.services.orders.get(ctx, input.orderId);
    if (!order) throw notFound('Order', input.orderId);
    if (order.status !== OrderStatus.CONFIRMED && order.status !== OrderStatus.PARTIALLY_SHIPPED) {
      throw invalidState(`Order ${order.number} is ${order.status}; only a confirmed or partially shipped order ships`, { status: order.status });
    }
    const fields: FieldMessages = {};
    const warehouseId = input.warehouseId ?? order.warehouse.id;
    await checkWarehouse(ctx.em, warehouseId, 'warehouseId', fields);
    const lines = await orderLines(ctx, order, input.lines, fields);
    if (!Object.keys(fields).length && !lines.length) fields.lines = nothingToShip(order.number);
    if (Object.keys(fields).length) throw badInput(fields);
    const doc = ctx.em.create(Shipment, {
      number: await this.number(ctx, input.date),
      date: input.date,
      client: order.client.id,
      warehouse: warehouseId,
      order: order.id,
      managerId: order.manager?.id ?? null,
      contractId: order.contractId ?? null,
      paymentTermsDays: order.paymentTermsDays,
      comment: input.comment?.trim() || null,
    });
    this.setLines(ctx.em, doc, lines);
    await ctx.em.flush();
    return doc;
  }

  /** A standalone shipment: the client's owner manages it. */
  async create(ctx: Context, input: CreateShipmentInput): Promise<Shipment> {
    const fields: FieldMessages = {};
    await checkClient(ctx, input.clientId, fields);
    await checkWarehouse(ctx.em, input.warehouseId, 'warehouseId', fields);
    const lines = await pricedLines(ctx, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const client = await ctx.services.counterparties.get(ctx, input.clientId);
    const doc = ctx.em.create(Shipment, {
      number: await this.number(ctx, input.date),
      date: input.date,
      client: input.clientId,
      warehouse: input.warehouseId,
      order: null,
      managerId: client?.owner?.id ?? null,
      paymentTermsDays: input.paymentTermsDays ?? 0,
      comment: input.comment?.trim() || null,
    });
    this.setLines(ctx.em, doc, lines);
    await ctx.em.flush();
    return doc;
  }

  /** A draft only (INVALID_STATE otherwise): a shipment from an order takes `orderLines`, a standalone one `lines`. */
  async update(ctx: Context, id: string, input: UpdateShipmentInput): Promise<Shipment> {
    const doc = await this.lockDraft(ctx, id, 'edited');
    await findForChange(ctx.em, Shipment, id, input.version);
    const fields: FieldMessages = {};
    if (input.warehouseId === null) fields.warehouseId = problem(FieldReason.REQUIRED, 'must not be null');
    await checkWarehouse(ctx.em, input.warehouseId ?? undefined, 'warehouseId', fields);
    let lines: ShipmentLineData[] | null = null;
    if (doc.order) {
      if (input.lines) fields.lines = problem(FieldReason.INVALID, 'a shipment from an order takes orderLines');
      else if (input.orderLines) {
        const order = (await ctx.services.orders.get(ctx, doc.order.id)) as CustomerOrder;
        lines = await orderLines(ctx, order, input.orderLines, fields, { prefix: 'orderLines', excluding: doc.id });
      }
    } else if (input.orderLines) fields.orderLines = problem(FieldReason.INVALID, 'a standalone shipment takes priced lines');
    else if (input.lines) lines = await pricedLines(ctx, input.lines, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (lines) {
      await this.clearLines(ctx.em, doc);
      this.setLines(ctx.em, doc, lines);
      doc.updatedAt = new Date(); // the lines are part of the document: its version goes up
    }
    if (input.date) doc.date = input.date;
    if (input.warehouseId) doc.warehouse = ctx.em.getReference(Warehouse, input.warehouseId, { wrapped: true });
    if (input.comment !== undefined) doc.comment = input.comment?.trim() || null;
    await ctx.em.flush();
    return doc;
  }

  private setLines(em: EntityManager, doc: Shipment, lines: readonly ShipmentLineData[]): void {
    lines.forEach((l, i) => em.create(ShipmentLine, { shipment: doc, lineNo: i + 1, orderLineId: l.orderLineId, product: l.productId, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount, vatRate: l.vatRate, vat: l.vat, total: l.total, discount: l.discount }));
    Object.assign(doc, totalsOf(lines));
  }
}
