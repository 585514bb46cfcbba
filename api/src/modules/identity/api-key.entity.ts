import { Check, Entity, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';
import type { Counterparty } from '../crm/counterparty.entity';
import type { User } from './user.entity';

/**
 * A partner's server signing in without a person's password: a service account that acts
 * exactly as a PARTNER user of its counterparty (the PARTNER role's permissions, the same
 * record rules). Made and revoked by administrators; the key itself is shown once, by
 * createApiKey, and only its SHA-256 hash is kept (api-key-token.ts).
 */
@ObjectType({ description: "A partner server's key: it acts as a PARTNER user of its counterparty. The key's text is shown once, by createApiKey" })
@Entity({ tableName: 'api_key' })
// only a SHA-256 (32 bytes) fits: a key's own text (80 characters) cannot be stored by mistake
@Check({ name: 'api_key_secret_hash_sha256', expression: 'octet_length(secret_hash) = 32' })
@Check({ name: 'api_key_name_length', expression: "btrim(name) <> '' and char_length(name) <= 100" })
export class ApiKey extends BaseEntity {
  @Field({ description: 'What the key is for, e.g. "Web shop"' })
  @Property({ type: 'text' })
  name: string;

  /** Its keys go with a deleted counterparty. */
  @ManyToOne({ entity: 'Counterparty', ref: true, deleteRule: 'cascade', index: true })
  counterparty: Ref<Counterparty>;

  @Property({ type: 'blob', hidden: true })
  secretHash: Buffer;

  @ManyToOne({ entity: 'User', nullable: true, ref: true, deleteRule: 'set null' })
  createdBy?: Ref<User> | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was last used, to the minute (null: never)' })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was revoked (null: it works)' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @ManyToOne({ entity: 'User', nullable: true, ref: true, deleteRule: 'set null' })
  revokedBy?: Ref<User> | null;
}
