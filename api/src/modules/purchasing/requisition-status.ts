import { registerEnumType } from 'type-graphql';

/**
 * A purchase requisition's life (issue 14, item 1): the requester's DRAFT is SUBMITTED;
 * purchasing APPROVES or REJECTS it (with a reason); purchase orders made from it take it
 * to PARTLY_ORDERED and ORDERED; CLOSED ends it (nothing more will be ordered).
 */
export enum RequisitionStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  /** Some of its lines' quantity is on purchase orders, some still to order. */
  PARTLY_ORDERED = 'PARTLY_ORDERED',
  /** Everything it asks for is on purchase orders. */
  ORDERED = 'ORDERED',
  CLOSED = 'CLOSED',
}
registerEnumType(RequisitionStatus, { name: 'RequisitionStatus' });

/** The statuses whose lines purchase orders may still take from. */
export const ORDERABLE: readonly RequisitionStatus[] = [RequisitionStatus.APPROVED, RequisitionStatus.PARTLY_ORDERED];
