import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, GraphQLISODateTime, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';

@ObjectType({ description: 'A form a type of document prints as' })
export class PrintFormInfo {
  @Field({ description: 'e.g. goods-receipt, stock-transfer, write-off, stock-count, price-type' })
  documentType: string;

  @Field({ description: 'e.g. torg-13; the first of a type is its default' })
  form: string;

  @Field({ description: 'The form’s name in Russian' })
  labelRu: string;

  @Field({ description: 'The form’s name in English' })
  labelEn: string;

  @Field(() => [String], { description: 'pdf, xlsx' })
  formats: string[];
}

@ObjectType({ description: 'A signed link that opens a printed form without a bearer token, as the user who asked, for five minutes' })
export class PrintLink {
  @Field({ description: 'Relative to the API: /print/<documentType>/<id>.<format>?form=…&lang=…&token=…' })
  url: string;

  @Field(() => GraphQLISODateTime)
  expiresAt: Date;
}

@ArgsType()
export class PrintLinkArgs {
  @Field({ description: 'One of printForms’ documentType values' })
  @IsString()
  @MaxLength(50)
  documentType: string;

  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true, description: 'The type’s default form when not given' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  form?: string | null;

  @Field(() => String, { nullable: true, defaultValue: 'ru', description: 'ru or en' })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'lang must be ru or en' })
  lang?: string | null;

  @Field(() => String, { defaultValue: 'pdf', description: 'pdf, or xlsx where the form has it' })
  @IsString()
  @MaxLength(10)
  format: string;

  @Field(() => String, { nullable: true, description: 'A statement’s first day (YYYY-MM-DD), for forms that print a period (reconciliation)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'A statement’s last day' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  to?: string | null;
}

@ArgsType()
export class PrintBatchLinkArgs {
  @Field({ description: 'One of printForms’ documentType values' })
  @IsString()
  @MaxLength(50)
  documentType: string;

  @Field(() => [ID], { description: 'The documents, printed in this order, each from a new page (at most 100)' })
  ids: string[];

  @Field(() => String, { nullable: true, description: 'The type’s default form when not given' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  form?: string | null;

  @Field(() => String, { nullable: true, defaultValue: 'ru', description: 'ru or en' })
  @IsOptional()
  @IsIn(['ru', 'en'], { message: 'lang must be ru or en' })
  lang?: string | null;
}

@Resolver()
export class PrintResolver {
  @Authorized()
  @Query(() => [PrintFormInfo], { description: 'The forms the caller may print, per document type' })
  printForms(@Ctx() ctx: Context): PrintFormInfo[] {
    return ctx.services.print.printable(ctx).flatMap((type) => type.forms.map((f) => ({ documentType: type.documentType, form: f.name, labelRu: f.label.ru, labelEn: f.label.en, formats: [...f.formats] })));
  }

  @Authorized()
  @Mutation(() => PrintLink, {
    description: 'A link to open a printed form in a new tab (GET /print/… with the same access as a bearer token). BAD_USER_INPUT on documentType, form, lang or format that does not exist; NOT_FOUND for a type the caller may not print; the record itself is checked when the link is opened (404 out of scope)',
  })
  printLink(@Args() args: PrintLinkArgs, @Ctx() ctx: Context): PrintLink {
    return ctx.services.print.link(ctx, args);
  }

  @Authorized()
  @Mutation(() => PrintLink, {
    description: 'A link to one PDF of several documents of a type (a selection of a list), each from a new page: GET /print/<documentType>/batch.pdf?ids=…. BAD_USER_INPUT on ids (none, over 100, not an id) or on a form that prints only alone; any document missing or out of scope makes the whole file 404',
  })
  printBatchLink(@Args() args: PrintBatchLinkArgs, @Ctx() ctx: Context): PrintLink {
    return ctx.services.print.batchLink(ctx, args);
  }
}
