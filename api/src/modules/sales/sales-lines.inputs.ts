import { IsOptional, IsUUID } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { DecimalScalar } from '../../shared/decimal.scalar';

@InputType({ description: 'A line of a service act or an invoice for payment' })
export class SalesLineInput {
  @Field(() => ID, { description: 'An active product (a SERVICE on a service act)' })
  @IsUUID('all')
  productId: string;

  @Field(() => DecimalScalar, { description: "Greater than 0, with at most the decimal places of the product's unit" })
  quantity: string;

  @Field(() => DecimalScalar, { description: 'Per unit, not negative, at most 4 places; with VAT when the document\'s prices include it' })
  price: string;

  @Field(() => DecimalScalar, { nullable: true, description: "0, 10 or 22; the product's rate when not sent" })
  @IsOptional()
  vatRate?: string | null;
}
