import { Entity, Enum, Index, ManyToOne, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import type { PriceType } from '../pricing/price-type.entity';

/** The reference lists a client is classified by. */
export enum ClientReferenceKind {
  REGION = 'REGION',
  INDUSTRY = 'INDUSTRY',
  SEGMENT = 'SEGMENT',
  LEAD_SOURCE = 'LEAD_SOURCE',
}
registerEnumType(ClientReferenceKind, { name: 'ClientReferenceKind', description: 'Which reference list an entry belongs to' });

/** One entry of a reference list (a region, an industry, a segment, a lead source); names are unique within a list. */
@ObjectType()
@Entity({ tableName: 'client_reference' })
@Index({ name: 'client_reference_name_unique', expression: 'create unique index "client_reference_name_unique" on "client_reference" ("kind", lower("name"))' })
export class ClientReference extends BaseEntity {
  @Field(() => ClientReferenceKind)
  @Enum({ items: () => ClientReferenceKind })
  kind: ClientReferenceKind;

  @Field()
  @Property({ type: 'text' })
  name: string;

  /** A segment's price type for its clients without one of their own (the quote's choice). */
  @ManyToOne({ entity: 'PriceType', nullable: true, ref: true, deleteRule: 'set null' })
  defaultPriceType?: Ref<PriceType> | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;
}
