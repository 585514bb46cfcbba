import { LockMode } from '@mikro-orm/postgresql';
import { defineEventHandler, type JobDefinition } from '../../shared/jobs';
import { DOCUMENT_POSTED, type DocumentPosted } from '../ledger/document.events';
import { CLIENT_STATUS_CHANGED, emitClientFact, type ClientStatusChanged } from './client.events';
import { ClientStatus, Counterparty } from './counterparty.entity';

/** The documents that make a sale: goods shipped or services acted (by their document types). */
const SALES = new Set(['Shipment', 'ServiceAct']);
/** Who becomes a customer by buying; a LOST client stays as its owner marked it until someone decides otherwise. */
const NOT_YET_CUSTOMERS = [ClientStatus.LEAD, ClientStatus.PROSPECT];

/** Whether a posted document is a client's first kind of purchase that makes them a customer. */
export const makesCustomer = (event: Pick<DocumentPosted, 'documentType' | 'action' | 'counterpartyRole'>) =>
  SALES.has(event.documentType) && event.action === 'POSTED' && event.counterpartyRole === 'client';

/**
 * A lead or prospect becomes a CUSTOMER when a sale to them is posted (issue 13 §1): a durable
 * handler of DOCUMENT_POSTED, so the posting itself does no CRM work. The change is the
 * system's, in the audit log and on the timeline like any status change; done once, as a
 * customer is not made twice.
 */
export const clientLifecycleHandlers: readonly JobDefinition[] = [
  defineEventHandler<DocumentPosted>(DOCUMENT_POSTED, 'crm.clientBecameCustomer', async (ctx, event) => {
    if (!makesCustomer(event.payload)) return;
    const client = await ctx.em.findOne(Counterparty, { id: event.payload.counterpartyId, status: { $in: NOT_YET_CUSTOMERS } }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!client) return;
    emitClientFact<ClientStatusChanged>(ctx, CLIENT_STATUS_CHANGED, { clientId: client.id, from: client.status, to: ClientStatus.CUSTOMER, lostReason: null });
    client.status = ClientStatus.CUSTOMER;
    await ctx.em.flush();
  }),
];
