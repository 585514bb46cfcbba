import { IsInt, IsOptional, MaxLength } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../shared/local-date.scalar';

/** What creating any document takes besides its own fields: its date (which gives the number's year) and a comment. */
@InputType()
export abstract class CreateDocumentInput {
  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}

/** What updating any draft takes: the version it was read at, and optionally a new date and comment. */
@InputType()
export abstract class UpdateDocumentInput {
  @Field(() => Int)
  @IsInt()
  version: number;

  @Field(() => LocalDateScalar, { nullable: true })
  date?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  comment?: string | null;
}
