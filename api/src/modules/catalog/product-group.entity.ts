import { Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';

@ObjectType({ description: 'A node of the product group tree' })
@Entity()
@Index({ name: 'product_group_parent_name_unique', expression: 'create unique index "product_group_parent_name_unique" on "product_group" (coalesce("parent_id", \'00000000-0000-0000-0000-000000000000\'::uuid), lower("name"))' })
export class ProductGroup extends BaseEntity {
  @Field()
  @Property({ type: 'text' })
  name: string;

  @ManyToOne({ entity: () => ProductGroup, nullable: true, ref: true, deleteRule: 'restrict', index: true })
  parent?: Ref<ProductGroup> | null;
}
