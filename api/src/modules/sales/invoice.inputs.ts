import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { SalesLineInput } from './sales-lines.inputs';
import { MAX_SALES_DOCUMENT_LINES } from './service-act.inputs';

@InputType({ description: 'A standalone invoice: the client and the lines at the prices given' })
export class CreateInvoiceInput extends CreateDocumentInput {
  @Field(() => ID, { description: 'A client the caller may see' })
  @IsUUID('all')
  clientId: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Pay by' })
  payUntil?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether the prices include VAT' })
  @IsBoolean()
  vatIncluded: boolean = false;

  @Field(() => [SalesLineInput])
  @ArrayMinSize(1, { message: 'give at least one line' })
  @ArrayMaxSize(MAX_SALES_DOCUMENT_LINES)
  @ValidateNested({ each: true })
  lines: SalesLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines (at the prices given)' })
export class UpdateInvoiceInput extends UpdateDocumentInput {
  @Field(() => LocalDateScalar, { nullable: true })
  payUntil?: string | null;

  @Field(() => [SalesLineInput], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: 'give at least one line' })
  @ArrayMaxSize(MAX_SALES_DOCUMENT_LINES)
  @ValidateNested({ each: true })
  lines?: SalesLineInput[] | null;
}
