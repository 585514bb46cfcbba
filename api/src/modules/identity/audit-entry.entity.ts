import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';

export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}
registerEnumType(AuditAction, { name: 'AuditAction' });

/** One change of one record: who, when, what, before and after (DESIGN §6). Written by the audit subscriber only. */
@ObjectType()
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entity', 'entityId'] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => GraphQLISODateTime)
  @Property({ type: 'timestamptz', index: true })
  at: Date = new Date();

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true, index: true })
  userId?: string | null;

  @Field({ description: 'The entity name, e.g. Product' })
  @Property({ type: 'text' })
  entity: string;

  @Field(() => ID)
  @Property({ type: 'text' })
  entityId: string;

  @Field(() => AuditAction)
  @Enum({ items: () => AuditAction })
  action: AuditAction;

  @Field(() => GraphQLJSONObject, { description: '{ field: { before, after } } for every changed field' })
  @Property({ type: 'jsonb' })
  changes: Record<string, { before: unknown; after: unknown }>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  requestId?: string | null;
}
