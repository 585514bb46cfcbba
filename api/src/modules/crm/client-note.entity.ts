import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import type { User } from '../identity/user.entity';
import type { Counterparty } from './counterparty.entity';

/** A manager's impression or note about a client: who wrote it and when. */
@ObjectType()
@Entity({ tableName: 'client_note' })
export class ClientNote extends BaseEntity {
  @ManyToOne({ entity: 'Counterparty', ref: true, deleteRule: 'cascade', index: true })
  counterparty: Ref<Counterparty>;

  @ManyToOne({ entity: 'User', ref: true, deleteRule: 'restrict' })
  author: Ref<User>;

  @Field()
  @Property({ type: 'text' })
  text: string;
}
