import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { Counterparty } from '../crm/counterparty.entity';

/**
 * A head of sales let an order through credit control (issue 12 §6): who (the audit
 * entry of its creation), why, and the numbers it passed. Written once; the audit log
 * keeps it with the user and request.
 */
@Entity()
export class CreditOverride extends BaseEntity {
  @Property({ type: 'uuid', index: true })
  orderId: string;

  @ManyToOne({ entity: () => Counterparty, ref: true, deleteRule: 'restrict', index: true })
  client: Ref<Counterparty>;

  @Property({ type: 'text' })
  reason: string;

  /** What credit control found: limit, receivable, openOrders, order, overdue… */
  @Property({ type: 'jsonb' })
  figures: Record<string, unknown>;
}
