import { Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../shared/base.entity';

/**
 * What every document line has: its own id, timestamps and version, and its number in
 * the document (1, 2, …; a register row's recorder line). Each line type adds the
 * reference to its document (unique with the number) and its own columns.
 */
@ObjectType()
export abstract class DocumentLine extends BaseEntity {
  @Field(() => Int)
  @Property({ type: 'integer' })
  lineNo: number;
}
