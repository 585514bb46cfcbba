import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { PriceScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';

export enum SupplierPriceSource {
  PRICE_LIST = 'PRICE_LIST',
  LAST_RECEIPT = 'LAST_RECEIPT',
}
registerEnumType(SupplierPriceSource, { name: 'SupplierPriceSource', description: "Where a supplier's price comes from: its price list or its last posted receipt" });

@ObjectType({ description: "A supplier's price for a product on a date" })
export class SupplierPriceQuote {
  @Field(() => ID)
  productId: string;

  @Field(() => PriceScalar, { description: 'Without VAT' })
  price: string;

  @Field(() => SupplierPriceSource)
  source: SupplierPriceSource;

  @Field(() => LocalDateScalar, { description: 'The price list date, or the date of the receipt' })
  since: string;
}
