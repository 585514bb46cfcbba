import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The transactional outbox (DESIGN §9): a domain event, written by the transaction that
 * caused it and published by the dispatcher after it committed. `id` is the order of
 * writing; `seq` the order of publishing, given by the one dispatcher at a time, so every
 * instance reads what was published after the last `seq` it saw and misses nothing.
 */
@Entity({ tableName: 'outbox_event' })
@Index({ name: 'outbox_event_pending_index', expression: 'create index "outbox_event_pending_index" on "outbox_event" ("id") where "seq" is null' })
export class OutboxEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'text' })
  topic!: string;

  /** What the event is about (e.g. a warehouse × product); jobs of one aggregate run one at a time, in order. */
  @Property({ type: 'text', nullable: true })
  aggregate?: string | null;

  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'bigint', nullable: true, unique: 'outbox_event_seq_unique' })
  seq?: string | null;

  @Property({ type: 'timestamptz', nullable: true, index: 'outbox_event_dispatched_at_index' })
  dispatchedAt?: Date | null;
}
