import { ArgsType, ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PER_PAGE = 500;

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

@InputType()
export class SortInput {
  @Field()
  field: string;

  @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
  order: SortOrder = SortOrder.ASC;
}

/** `page`, `perPage` and `sort` of every list query (DESIGN §7). */
@ArgsType()
export class PageArgs {
  @Field(() => [SortInput], { nullable: true })
  @IsOptional()
  sort?: SortInput[];

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1)
  @Max(MAX_PER_PAGE, { message: `perPage must not be greater than ${MAX_PER_PAGE}` })
  perPage: number = 25;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** A `XPage { items, total }` object type for a list query. */
export function PageType<T extends object>(itemType: ClassType<T>) {
  @ObjectType(`${itemType.name}Page`)
  class PageClass {
    @Field(() => [itemType])
    items: T[];

    @Field(() => Int)
    total: number;
  }
  return PageClass;
}
