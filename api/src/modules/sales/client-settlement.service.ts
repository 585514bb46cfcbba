import { SettlementLedger, type PartyOpenItem, type SettlementBook } from './settlement-ledger';
import { clientSettlementRegister } from './sales.registers';

export { documentNumbers, type SettlementEntry } from './settlement-ledger';

/** The recorder type of incoming payments: their advances are open against the payment itself. */
export const INCOMING_PAYMENT = 'IncomingPayment';

/** An open item of a client, as the settlements hold it. */
export type ClientOpenItem = PartyOpenItem;

/** Settlements with clients: + the client owes us. */
export const clientSettlementBook: SettlementBook = { register: clientSettlementRegister, party: 'clientId', payment: INCOMING_PAYMENT, sign: 1 };

/**
 * Settlements with clients (issue 12 §5): shipments, service acts, returns and incoming
 * payments write what a client owes through the caller's posting (SettlementLedger).
 */
export class ClientSettlementService extends SettlementLedger {
  constructor() {
    super(clientSettlementBook);
  }
}
