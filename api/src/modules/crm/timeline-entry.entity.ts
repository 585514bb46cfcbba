import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../../shared/decimal.scalar';
import type { User } from '../identity/user.entity';
import type { Counterparty } from './counterparty.entity';

export enum TimelineKind {
  NOTE = 'NOTE',
  STATUS = 'STATUS',
  /** Who owns the client: changed by a head, a handover or an import. */
  OWNER = 'OWNER',
  ACTIVITY = 'ACTIVITY',
  DEAL = 'DEAL',
  ORDER = 'ORDER',
  SHIPMENT = 'SHIPMENT',
  RETURN = 'RETURN',
  INVOICE = 'INVOICE',
  PAYMENT = 'PAYMENT',
  /** Any other document of the counterparty (a service act, a purchase). */
  DOCUMENT = 'DOCUMENT',
}
registerEnumType(TimelineKind, { name: 'TimelineKind', description: 'What a timeline entry tells of' });

/**
 * One fact on a client's timeline (issue 13 §9), written by the timeline's event handlers
 * from the domain events, once per event (`eventId` is unique: a retried job writes nothing
 * again). `action` says what happened to the subject (CREATED, COMPLETED, STAGE_CHANGED,
 * CONFIRMED, POSTED…), `title` names it, `detail` adds what changed.
 */
@ObjectType({ description: 'A fact on a client\'s timeline: what happened, to what, who did it and when' })
@Entity({ tableName: 'timeline_entry' })
@Index({ name: 'timeline_entry_client_occurred_index', properties: ['client', 'occurredAt'] })
export class TimelineEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The outbox event it was written from. */
  @Property({ type: 'bigint', unique: 'timeline_entry_event_unique' })
  eventId: string;

  @ManyToOne({ entity: 'Counterparty', ref: true, deleteRule: 'cascade' })
  client: Ref<Counterparty>;

  @Field(() => TimelineKind)
  @Enum({ items: () => TimelineKind })
  kind: TimelineKind;

  @Field({ description: 'What happened to the subject: CREATED, COMPLETED, CANCELLED, STAGE_CHANGED, CONFIRMED, POSTED, UNPOSTED…' })
  @Property({ type: 'text' })
  action: string;

  @Field({ description: 'The subject\'s name: a note\'s text, an activity\'s subject, a deal\'s title, a document\'s number' })
  @Property({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true, description: 'What changed: PROSPECT → CUSTOMER, a stage move, an activity\'s result' })
  @Property({ type: 'text', nullable: true })
  detail?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'A sale\'s or payment\'s amount, a deal\'s; null for a purchase without cost:read' })
  @Property({ type: 'decimal', precision: 19, scale: 4, nullable: true })
  amount?: string | null;

  @Field({ description: 'The GraphQL type of the subject (ClientNote, Activity, Deal, CustomerOrder, Shipment…), to link to it' })
  @Property({ type: 'text' })
  subjectType: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  subjectId: string;

  @Field(() => String, { nullable: true, description: 'A document\'s number' })
  @Property({ type: 'text', nullable: true })
  subjectNumber?: string | null;

  @ManyToOne({ entity: 'User', ref: true, nullable: true, deleteRule: 'set null' })
  actor?: Ref<User> | null;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  occurredAt: Date;

  /** A purchase's entry: its amount is cost, so only users with cost:read see it. */
  @Property({ type: 'boolean', default: false })
  costData: Opt<boolean> = false;

  /** The event's payload as it came. */
  @Property({ type: 'jsonb' })
  payload: Record<string, unknown>;
}
