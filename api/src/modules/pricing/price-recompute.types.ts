import { Field, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PriceList } from './price-list.entity';
import { PriceType } from './price-type.entity';

@ObjectType({ description: 'What recomputing a derived or cost-based price type did' })
export class PriceRecomputation {
  @Field(() => PriceType)
  priceType: PriceType;

  @Field(() => LocalDateScalar, { description: 'Its prices follow the current rule from this date; earlier lists stay as they were' })
  validFrom: string;

  @Field(() => [PriceList], { description: 'The DERIVED lists posted: of the type, then of the types derived from it, in order' })
  priceLists: PriceList[];

  @Field(() => Int, { description: 'How many computed lists of the type dated after validFrom were withdrawn (with the lists derived from them)' })
  withdrawnPriceLists: number;
}
