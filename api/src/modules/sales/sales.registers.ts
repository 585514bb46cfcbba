import { MAX_MONEY } from '../../shared/money';
import { defineRegister } from '../ledger/register';
import { settledGuard } from './settlement-guard';

/** How a sales register row came about. */
export enum SalesRowKind {
  /** A shipment or a service act: + quantity, revenue, VAT, discount and cost. */
  SALE = 'SALE',
  /** A customer return: the same columns, negative. */
  RETURN = 'RETURN',
  /** A landed cost posted after the goods were sold: quantity 0, cost ± the sold share. */
  COST_ADJUSTMENT = 'COST_ADJUSTMENT',
}

/**
 * The sales register (DESIGN §4): what was sold to whom, by whom, under which order and
 * contract, from which warehouse (null for services), and for how much — quantity,
 * revenue without VAT, VAT, discount (what the rules and the manager took off the base
 * price, without VAT), cost (FIFO, of the lots the goods came from). A turnover
 * register: no balance, only movements; margin = revenue − cost.
 */
export const salesRegister = defineRegister({
  name: 'sales',
  table: 'sales_register',
  kind: 'accumulation',
  dimensions: { clientId: 'uuid', productId: 'uuid', warehouseId: 'uuid', managerId: 'uuid', orderId: 'uuid', contractId: 'uuid' },
  resources: { quantity: 'numeric', revenue: 'numeric', vat: 'numeric', discount: 'numeric', cost: 'numeric' },
  attributes: { kind: 'text' },
});

/**
 * What clients owe us (settlements with clients): + when a shipment or a service act
 * makes a debt, − when a payment or a return settles it. Each row names the document
 * the amount is open against (documentType, documentId: a debt, or a payment's advance
 * while it is not applied), so the open items of a client are Σ per document; a debt's
 * due date travels with its rows. The balance per client (client_balance) is the lock
 * that orders every change of one client's settlements; month totals keep an opening
 * balance O(1) for the reconciliation statement.
 */
export const clientSettlementRegister = defineRegister({
  name: 'clientSettlement',
  table: 'client_settlement',
  kind: 'accumulation',
  dimensions: { clientId: 'uuid', documentType: 'text', documentId: 'uuid' },
  resources: { amount: 'numeric' },
  attributes: { dueDate: 'date', orderId: 'uuid', contractId: 'uuid' },
  balance: {
    table: 'client_balance',
    by: ['clientId'],
    limits: { amount: { max: MAX_MONEY.toFixed(), describe: "client's balance" } },
  },
  periodTotals: { table: 'client_settlement_month_total' },
  hooks: { guardRetract: settledGuard('client_settlement', 'IncomingPayment') },
});

/** The sales VAT book: per document and VAT rate, the amount without VAT and the VAT (negative for a return). */
export const salesVatBookRegister = defineRegister({
  name: 'salesVatBook',
  table: 'sales_vat_book',
  kind: 'accumulation',
  dimensions: { clientId: 'uuid', rate: 'numeric' },
  resources: { amount: 'numeric', vat: 'numeric' },
});
