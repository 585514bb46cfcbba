import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { POSTING, READ, Role } from '../identity/permissions';
import { SettlementViewService } from '../sales/settlement-views.service';
import { outgoingPaymentType } from './outgoing-payment.document';
import { OutgoingPayment, OutgoingPaymentAllocation } from './outgoing-payment.entity';
import { OutgoingPaymentResolver } from './outgoing-payment.resolver';
import { OutgoingPaymentService } from './outgoing-payment.service';
import { SupplierSettlementResolver } from './supplier-settlement.resolver';
import { SupplierSettlementService } from './supplier-settlement.service';

export interface PayablesServices {
  supplierSettlements: SupplierSettlementService;
  outgoingPayments: OutgoingPaymentService;
  supplierSettlementViews: SettlementViewService;
}

/**
 * What we owe suppliers (issue 14 §7): outgoing payments against the payable that goods
 * receipts and landed costs write, the supplier's balance, open items, ageing and
 * reconciliation statement. Supplier money is seen by ACCOUNTANT, PURCHASING and ADMIN only.
 */
export const payablesModule: ModuleDefinition<PayablesServices> = defineModule({
  name: 'payables',
  entities: [OutgoingPayment, OutgoingPaymentAllocation],
  resolvers: [OutgoingPaymentResolver, SupplierSettlementResolver],
  services: () => ({
    supplierSettlements: new SupplierSettlementService(),
    outgoingPayments: new OutgoingPaymentService(),
    supplierSettlementViews: new SettlementViewService((ctx) => ctx.services.supplierSettlements),
  }),
  documentTypes: [outgoingPaymentType],
  constraintMessages: {
    outgoing_payment_idempotency_unique: { code: ErrorCode.CONFLICT, message: 'A supplier payment with this idempotency key is being registered; try again', field: 'idempotencyKey' },
    outgoing_payment_amount_positive: { code: ErrorCode.BAD_USER_INPUT, message: 'must be greater than 0', field: 'amount' },
  },
  permissions: {
    resources: ['supplierPayment', 'supplierSettlement'],
    grants: {
      [Role.ACCOUNTANT]: { resources: { supplierPayment: POSTING, supplierSettlement: READ } },
      [Role.PURCHASING]: { resources: { supplierPayment: READ, supplierSettlement: READ } },
    },
  },
});
