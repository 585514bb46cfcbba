import { Check, Entity, Enum, Index, Property, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';

/** Where a stage leaves a deal: still being worked (OPEN), won or lost (both close it). */
export enum DealStageKind {
  OPEN = 'OPEN',
  WON = 'WON',
  LOST = 'LOST',
}
registerEnumType(DealStageKind, { name: 'DealStageKind', description: 'OPEN stages are worked; entering WON or LOST closes a deal' });

/** A column of the sales pipeline: its place, the chance a deal in it is won, and its kind. The pipeline keeps exactly one active WON stage and at least one active LOST one. */
@ObjectType()
@Entity({ tableName: 'deal_stage' })
@Index({ name: 'deal_stage_name_unique', expression: 'create unique index "deal_stage_name_unique" on "deal_stage" (lower("name"))' })
@Check({ name: 'deal_stage_probability_range', expression: 'probability >= 0 and probability <= 100' })
export class DealStage extends BaseEntity {
  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field(() => Int, { description: 'Stages are shown in this order (then by name)' })
  @Property({ type: 'integer' })
  position: number;

  @Field(() => Int, { description: 'Percent, 0 to 100: the weight of its deals in the weighted pipeline' })
  @Property({ type: 'integer' })
  probability: number;

  @Field(() => DealStageKind)
  @Enum({ items: () => DealStageKind })
  kind: DealStageKind;

  @Field(() => Boolean, { description: 'An inactive stage keeps its deals but takes no new ones and is left off the pipeline' })
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
