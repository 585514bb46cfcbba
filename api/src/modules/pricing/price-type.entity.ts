import { Check, Entity, Enum, Index, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { DecimalScalar } from '../../shared/decimal.scalar';

export enum PriceDerivation {
  NONE = 'NONE',
  FROM_PRICE_TYPE = 'FROM_PRICE_TYPE',
  FROM_COST = 'FROM_COST',
}
registerEnumType(PriceDerivation, { name: 'PriceDerivation', description: 'Prices set by hand, or computed from another price type or from cost' });

export enum PriceRounding {
  KOPECK = 'KOPECK',
  ROUBLE = 'ROUBLE',
  TEN_ROUBLES = 'TEN_ROUBLES',
}
registerEnumType(PriceRounding, { name: 'PriceRounding', description: 'Round prices to 0.01, 1 or 10' });

export const ROUNDING_STEP: Record<PriceRounding, '0.01' | '1' | '10'> = { KOPECK: '0.01', ROUBLE: '1', TEN_ROUBLES: '10' };

/** RETAIL, WHOLESALE, DEALER…: how a price is stated (VAT in it or on top) and where it comes from. */
@ObjectType()
@Entity()
@Check({ name: 'price_type_derivation_base', expression: "(derivation = 'FROM_PRICE_TYPE') = (base_price_type_id is not null)" })
@Check({ name: 'price_type_adjustment', expression: "(derivation = 'NONE') = (adjustment_percent is null) and (adjustment_percent is null or adjustment_percent > -100)" })
@Index({ name: 'price_type_single_default', expression: 'create unique index "price_type_single_default" on "price_type" ("is_default") where "is_default"' })
export class PriceType extends BaseEntity {
  @Field({ description: 'Short code, unique: RETAIL, WHOLESALE, DEALER' })
  @Property({ type: 'text' })
  @Unique({ name: 'price_type_code_unique' })
  code: string;

  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field(() => Boolean, { description: 'true: prices include VAT; false: VAT is added on top' })
  @Property({ type: 'boolean', default: true })
  vatIncluded: Opt<boolean> = true;

  @Field(() => PriceRounding)
  @Enum({ items: () => PriceRounding, default: PriceRounding.KOPECK })
  rounding: Opt<PriceRounding> = PriceRounding.KOPECK;

  @Field(() => PriceDerivation)
  @Enum({ items: () => PriceDerivation, default: PriceDerivation.NONE })
  derivation: Opt<PriceDerivation> = PriceDerivation.NONE;

  @ManyToOne({ entity: () => PriceType, nullable: true, ref: true, deleteRule: 'restrict' })
  basePriceType?: Ref<PriceType> | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'For derived types: −12 means 12 % below the base; 30 means cost + 30 %' })
  @Property({ type: 'decimal', precision: 9, scale: 4, nullable: true })
  adjustmentPercent?: string | null;

  @Field(() => Boolean, { description: 'The price type of clients that have none of their own' })
  @Property({ type: 'boolean', default: false })
  isDefault: Opt<boolean> = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
