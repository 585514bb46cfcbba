import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { Quote, QuoteInput } from './quote.inputs';

@Resolver(() => Quote)
export class QuoteResolver {
  @Authorized('price:read')
  @Query(() => Quote, {
    description:
      'Prices an order for a client on a date: base prices of its price type, the discount rules, the manual discounts within the caller\'s cap, VAT. ' +
      'NOT_FOUND for a client outside the caller\'s record rules; BAD_USER_INPUT on lines.N.* for a product without a price on the date or a manual discount over the cap.',
  })
  quote(@Arg('input') input: QuoteInput, @Ctx() ctx: Context) {
    return ctx.services.quotes.quote(ctx, input);
  }
}
