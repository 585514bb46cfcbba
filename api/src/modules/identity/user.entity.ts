import { Entity, Enum, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { Role } from './permissions';
import type { Counterparty } from '../crm/counterparty.entity';

@ObjectType({ description: 'A person who signs in: staff or a partner' })
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  @Field()
  @Property({ type: 'text' })
  @Unique({ name: 'app_user_email_unique' })
  email: string;

  @Field()
  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'text', hidden: true, lazy: false })
  passwordHash: string;

  /** Set by the demo seed; cleared by a password change. Production refuses to start while any is set. */
  @Property({ type: 'boolean', default: false, hidden: true })
  hasDemoPassword: Opt<boolean> = false;

  @Field(() => [Role])
  @Enum({ items: () => Role, array: true, nativeEnumName: undefined })
  roles: Role[] = [];

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Field(() => String, { nullable: true, description: 'The sales team the user belongs to' })
  @Property({ type: 'text', nullable: true })
  team?: string | null;

  /** A PARTNER user sees only this counterparty. */
  @ManyToOne({ entity: 'Counterparty', nullable: true, ref: true, deleteRule: 'set null' })
  counterparty?: Ref<Counterparty> | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;
}
