import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import type { User } from '../identity/user.entity';

/**
 * One handover of a user's work to another (issue 13 §7): kept so the audit log (which writes
 * an entry for its creation, with who and when) holds from, to, the reason and what moved.
 */
@Entity({ tableName: 'handover' })
export class Handover extends BaseEntity {
  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'restrict', index: true })
  fromUser: Ref<User>;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'restrict', index: true })
  toUser: Ref<User>;

  @Property({ type: 'text' })
  reason: string;

  /** The counts and lists of the report (HandoverReport less the ids and names). */
  @Property({ type: 'jsonb' })
  moved: Record<string, unknown>;
}
