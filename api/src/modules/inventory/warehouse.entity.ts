import { Entity, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';

@ObjectType()
@Entity()
export class Warehouse extends BaseEntity {
  @Field({ description: 'Short code, unique' })
  @Property({ type: 'text' })
  @Unique({ name: 'warehouse_code_unique' })
  code: string;

  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  address?: string | null;

  @Field(() => Boolean, { description: 'When false (the default), stock here can never go below zero' })
  @Property({ type: 'boolean', default: false })
  allowsNegativeStock: Opt<boolean> = false;

  /**
   * Whether partners may order from here: its available stock shows in their
   * `Product.availability`. Off by default, so a new warehouse is shown to no partner
   * until someone decides it ships to them.
   */
  @Field(() => Boolean, { description: 'Partners may order from here: its available stock shows in their product availability (off by default)' })
  @Property({ type: 'boolean', default: false })
  partnerShipping: Opt<boolean> = false;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
