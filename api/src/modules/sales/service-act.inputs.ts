import { ArrayMaxSize, IsBoolean, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PageArgs } from '../../shared/pagination';
import { DocumentFilter } from '../ledger/document.filter';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { SalesLineInput } from './sales-lines.inputs';

export const MAX_SALES_DOCUMENT_LINES = 500;

@InputType({ description: 'A standalone act: the client and its service lines at the prices given' })
export class CreateServiceActInput extends CreateDocumentInput {
  @Field(() => ID, { description: 'A client the caller may see' })
  @IsUUID('all')
  clientId: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  contractId?: string | null;

  @Field(() => Int, { nullable: true, description: "The client's payment terms when not sent" })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentTermsDays?: number | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether the prices include VAT' })
  @IsBoolean()
  vatIncluded: boolean = false;

  @Field(() => [SalesLineInput])
  @ArrayMaxSize(MAX_SALES_DOCUMENT_LINES)
  @ValidateNested({ each: true })
  lines: SalesLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines (at the prices given)' })
export class UpdateServiceActInput extends UpdateDocumentInput {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  paymentTermsDays?: number | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  vatIncluded?: boolean | null;

  @Field(() => [SalesLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_SALES_DOCUMENT_LINES)
  @ValidateNested({ each: true })
  lines?: SalesLineInput[] | null;
}

@InputType()
export class SalesDocumentFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  orderId?: string | null;
}

@ArgsType()
export class SalesDocumentListArgs extends PageArgs {
  @Field(() => SalesDocumentFilter, { nullable: true })
  filter?: SalesDocumentFilter;
}

@ArgsType()
export class FromOrderArgs {
  @Field(() => ID)
  @IsUUID('all')
  orderId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Today when not sent' })
  date?: string | null;
}
