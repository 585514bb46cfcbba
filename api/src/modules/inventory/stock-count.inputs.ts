import { ArrayMaxSize, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';
import { PageArgs } from '../../shared/pagination';
import { CreateDocumentInput, UpdateDocumentInput } from '../ledger/document.inputs';
import { DocumentFilter } from '../ledger/document.filter';
import { MAX_OUTGOING_LINES } from './outgoing-stock.inputs';

@InputType({ description: 'What was counted of one product' })
export class StockCountLineInput {
  @Field(() => ID, { description: 'A GOODS product, once per count' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: 'Zero or more, with at most the decimal places of the product\'s unit (its precision)' })
  countedQuantity: string;
}

@InputType()
export class CreateStockCountInput extends CreateDocumentInput {
  @Field(() => ID)
  @IsUUID('all')
  warehouseId: string;

  @Field(() => ID, { nullable: true, description: 'Prefill only the products of this group and its subgroups' })
  @IsOptional()
  @IsUUID('all')
  groupId?: string | null;

  @Field(() => Boolean, { defaultValue: true, description: 'Prefill a line for every product on the books of the warehouse at the end of the date, counted = book' })
  prefill: boolean;

  @Field(() => [StockCountLineInput], { defaultValue: [], description: 'Counted quantities; they replace the prefilled ones of the same products and add the others' })
  @ArrayMaxSize(MAX_OUTGOING_LINES)
  @ValidateNested({ each: true })
  lines: StockCountLineInput[];
}

@InputType({ description: 'A draft only. Sent lines replace all lines; book quantities are read again whenever lines, date or warehouse change.' })
export class UpdateStockCountInput extends UpdateDocumentInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string;

  @Field(() => [StockCountLineInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(MAX_OUTGOING_LINES)
  @ValidateNested({ each: true })
  lines?: StockCountLineInput[];
}

@InputType()
export class StockCountFilter extends DocumentFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  warehouseId?: string | null;
}

@ArgsType()
export class StockCountListArgs extends PageArgs {
  @Field(() => StockCountFilter, { nullable: true })
  filter?: StockCountFilter;
}
