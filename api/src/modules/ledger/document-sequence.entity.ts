import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** The last number used per document prefix and year (e.g. PL 2026 → 17). */
@Entity({ tableName: 'document_sequence' })
export class DocumentSequence {
  @PrimaryKey({ type: 'text' })
  prefix: string;

  @PrimaryKey({ type: 'integer' })
  year: number;

  @Property({ type: 'integer' })
  last: number;
}
