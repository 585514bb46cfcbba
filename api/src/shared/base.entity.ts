import { randomUUID } from 'node:crypto';
import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';

/** Every editable record: a UUID, timestamps and a version for optimistic locking (DESIGN §6). */
@ObjectType()
export abstract class BaseEntity {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz', onUpdate: () => new Date(), index: true })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Send it back with an update; a stale one fails with CONFLICT' })
  @Property({ type: 'integer', version: true })
  version!: number;
}
