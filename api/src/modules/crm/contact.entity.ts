import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, Property, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { PrimaryKey } from '@mikro-orm/core';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { BaseEntity } from '../../shared/base.entity';
import { ChannelType } from './contact-channel-value';
import type { Counterparty } from './counterparty.entity';

registerEnumType(ChannelType, { name: 'ChannelType', description: 'How a contact person is reached' });

/** A person at a client: whom the managers call, meet and write to. */
@ObjectType()
@Entity({ tableName: 'contact_person' })
export class Contact extends BaseEntity {
  @ManyToOne({ entity: 'Counterparty', ref: true, deleteRule: 'cascade', index: true })
  counterparty: Ref<Counterparty>;

  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  position?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  birthday?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notes?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Field(() => [ContactChannel], { description: 'In the order given; the first of each type is primary unless another is marked' })
  @OneToMany({ entity: () => ContactChannel, mappedBy: 'contact', orderBy: { position: 'asc' }, orphanRemoval: true })
  channels = new Collection<ContactChannel>(this);
}

/** A phone (E.164), an email (lower case), a messenger or anything else a contact is reached by. */
@ObjectType()
@Entity({ tableName: 'contact_channel' })
@Index({ name: 'contact_channel_value_index', properties: ['value'] })
export class ContactChannel {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne({ entity: () => Contact, ref: true, deleteRule: 'cascade', index: true })
  contact: Ref<Contact>;

  @Field(() => ChannelType)
  @Enum({ items: () => ChannelType })
  type: ChannelType;

  @Field({ description: 'Phones in E.164 (+79123456789), emails in lower case, Telegram as @name or a phone' })
  @Property({ type: 'text' })
  value: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  primary: Opt<boolean> = false;

  @Property({ type: 'integer' })
  position: number;
}
