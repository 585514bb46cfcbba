import { Entity, Enum, ManyToOne, Property, Unique, type Opt, type Ref } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import { Role } from './permissions';
import type { Counterparty } from '../crm/counterparty.entity';

@ObjectType({ description: 'A person who signs in: staff or a partner. Of another user, one without user:read sees only the name and email (the contact)' })
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

  // roles, active, team and lastLoginAt are resolved by UserResolver: only for oneself or with user:read
  @Enum({ items: () => Role, array: true, nativeEnumName: undefined })
  roles: Role[] = [];

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Property({ type: 'text', nullable: true })
  team?: string | null;

  /** A PARTNER user sees only this counterparty. */
  @ManyToOne({ entity: 'Counterparty', nullable: true, ref: true, deleteRule: 'set null' })
  counterparty?: Ref<Counterparty> | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastLoginAt?: Date | null;
}
