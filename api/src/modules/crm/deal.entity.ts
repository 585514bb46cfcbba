import { randomUUID } from 'node:crypto';
import { Check, Entity, ManyToOne, PrimaryKey, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import type { User } from '../identity/user.entity';
import type { CustomerOrder } from '../sales/order.entity';
import type { Counterparty } from './counterparty.entity';
import type { DealStage } from './deal-stage.entity';

/** A sale being worked with a client (issue 13 §8): its stage in the pipeline, amount, expected close and owner. */
@ObjectType()
@Entity({ tableName: 'deal' })
@Check({ name: 'deal_amount_nonnegative', expression: 'amount >= 0' })
export class Deal extends BaseEntity {
  // entities named by string: the modules import each other
  @ManyToOne({ entity: 'Counterparty', ref: true, deleteRule: 'cascade', index: true })
  client: Ref<Counterparty>;

  @Field()
  @Property({ type: 'text' })
  title: string;

  @ManyToOne({ entity: 'DealStage', ref: true, deleteRule: 'restrict', index: true })
  stage: Ref<DealStage>;

  @Field(() => MoneyScalar)
  @Property({ type: 'decimal', precision: 19, scale: 4 })
  amount: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true, index: true })
  expectedCloseDate?: string | null;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'restrict', index: true })
  owner: Ref<User>;

  @Field(() => String, { nullable: true, description: 'Why it was lost (required in a LOST stage)' })
  @Property({ type: 'text', nullable: true })
  lostReason?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it entered a WON or LOST stage; null while open' })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null;

  /** The draft customer order made when it was won. */
  @ManyToOne({ entity: 'CustomerOrder', ref: true, nullable: true, deleteRule: 'set null' })
  order?: Ref<CustomerOrder> | null;
}

/** One move of a deal from stage to stage (from null: where it was created), who made it and when — for the client's timeline. */
@ObjectType()
@Entity({ tableName: 'deal_stage_change' })
export class DealStageChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: 'Deal', ref: true, deleteRule: 'cascade', index: true })
  deal: Ref<Deal>;

  @ManyToOne({ entity: 'DealStage', ref: true, nullable: true, deleteRule: 'restrict' })
  fromStage?: Ref<DealStage> | null;

  @ManyToOne({ entity: 'DealStage', ref: true, deleteRule: 'restrict' })
  toStage: Ref<DealStage>;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'restrict' })
  changedBy: Ref<User>;

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  changedAt: Opt<Date> = new Date();
}
