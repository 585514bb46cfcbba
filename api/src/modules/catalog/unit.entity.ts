import { Entity, Property, Unique, type Opt } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';

@ObjectType({ description: 'A unit of measure: pcs, kg, m…' })
@Entity()
export class Unit extends BaseEntity {
  @Field({ description: 'Short code, unique: pcs, kg, m' })
  @Property({ type: 'text' })
  @Unique({ name: 'unit_code_unique' })
  code: string;

  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true, description: 'OKEI code used on Russian forms, e.g. 796 for pieces' })
  @Property({ type: 'text', nullable: true })
  okeiCode?: string | null;

  @Field(() => Int, { description: 'Decimal places a quantity of its products may have (0 for pieces, 3 for kg); never fewer than quantities already kept have' })
  @Property({ type: 'smallint', default: 0 })
  precision: Opt<number> = 0;
}
