import type { Posting } from '../ledger/posting';
import { clientSettlementRegister } from './sales.registers';

/** An amount a posting opens (a debt: shipment, service act) or settles (a return) against one document. */
export interface SettlementEntry {
  clientId: string;
  /** The document the amount is open against (a debt's own type and id; a return names the shipment it reduces). */
  documentType: string;
  documentId: string;
  /** + the client owes more, − it owes less. */
  amount: string;
  /** When a debt falls due; null for what settles. */
  dueDate?: string | null;
  orderId?: string | null;
  contractId?: string | null;
  /** The line of the posting document the row belongs to (0: the document as a whole). */
  line?: number;
}

/**
 * Settlements with clients (issue 12 §5): every document that changes what a client owes
 * writes it here, through the caller's posting (recorder = that document), so unposting
 * takes it back. The client's balance row is the lock that orders one client's
 * settlements.
 */
export class ClientSettlementService {
  /** Writes the entries (a debt's row against itself; a return's against the shipment it reduces). */
  async record(posting: Posting, entries: readonly SettlementEntry[]): Promise<void> {
    await posting.write(
      clientSettlementRegister,
      entries.map((e) => ({
        date: posting.date,
        line: e.line ?? 0,
        clientId: e.clientId,
        documentType: e.documentType,
        documentId: e.documentId,
        amount: e.amount,
        dueDate: e.dueDate ?? null,
        orderId: e.orderId ?? null,
        contractId: e.contractId ?? null,
      })),
    );
  }
}
