import { Check, Entity, Enum, Property, type Opt } from '@mikro-orm/core';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';

export enum DiscountRuleKind {
  ORDER_AMOUNT_TIER = 'ORDER_AMOUNT_TIER',
  CLIENT_SEGMENT = 'CLIENT_SEGMENT',
  PRODUCT_GROUP = 'PRODUCT_GROUP',
  QUANTITY_BREAK = 'QUANTITY_BREAK',
  PURCHASE_HISTORY = 'PURCHASE_HISTORY',
  PROMO_CODE = 'PROMO_CODE',
}
registerEnumType(DiscountRuleKind, { name: 'DiscountRuleKind' });

export enum DiscountStacking {
  EXCLUSIVE = 'EXCLUSIVE',
  COMBINABLE = 'COMBINABLE',
}
registerEnumType(DiscountStacking, { name: 'DiscountStacking', description: 'EXCLUSIVE: the best one for the client wins; COMBINABLE: applied one after another by priority' });

/**
 * A discount rule. What it depends on sits in `conditions`, shaped by its kind:
 * tiers [{threshold, percent}] (ORDER_AMOUNT_TIER, PURCHASE_HISTORY with `days`),
 * segmentId, groupId, breaks [{minQuantity, percent}], promoCode.
 */
@ObjectType()
@Entity()
@Check({ name: 'discount_rule_period', expression: 'active_to is null or active_to >= active_from' })
@Check({ name: 'discount_rule_percent_range', expression: '(percent is null or (percent >= 0 and percent <= 100)) and (cap_percent is null or (cap_percent >= 0 and cap_percent <= 100))' })
export class DiscountRule extends BaseEntity {
  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field(() => DiscountRuleKind)
  @Enum({ items: () => DiscountRuleKind })
  kind: DiscountRuleKind;

  @Field(() => LocalDateScalar)
  @Property({ type: 'date' })
  activeFrom: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  activeTo?: string | null;

  @Field(() => Int, { description: 'Lower applies first among COMBINABLE rules' })
  @Property({ type: 'integer', default: 100 })
  priority: Opt<number> = 100;

  @Field(() => DiscountStacking)
  @Enum({ items: () => DiscountStacking, default: DiscountStacking.COMBINABLE })
  stacking: Opt<DiscountStacking> = DiscountStacking.COMBINABLE;

  @Field(() => DecimalScalar, { nullable: true, description: 'For CLIENT_SEGMENT, PRODUCT_GROUP and PROMO_CODE rules' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  percent?: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'The most this rule may give, in percent' })
  @Property({ type: 'decimal', precision: 7, scale: 4, nullable: true })
  capPercent?: string | null;

  @Field(() => GraphQLJSONObject)
  @Property({ type: 'jsonb' })
  conditions: Record<string, unknown> = {};

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
