import { Arg, Field, ID, ObjectType, Resolver, Root, Subscription, registerEnumType } from 'type-graphql';
import type { Context } from '../../server/context';
import { forbidden } from '../../shared/errors';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { PRICES_CHANGED, type PriceChange } from './price-list.document';

export enum PriceChangeAction {
  POSTED = 'POSTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(PriceChangeAction, { name: 'PriceChangeAction', description: 'Prices took effect (a list was posted) or were withdrawn (unposted or cancelled)' });

@ObjectType({ description: 'A price list of the type was posted or withdrawn: re-read the prices it dates' })
export class PricesChanged {
  @Field(() => ID)
  priceTypeId: string;

  @Field(() => ID)
  priceListId: string;

  @Field()
  number: string;

  @Field(() => LocalDateScalar)
  validFrom: string;

  @Field(() => PriceChangeAction)
  action: PriceChangeAction;
}

/** Lets a portal refresh its prices the moment a list of its price type is posted, on any instance. */
@Resolver()
export class PricesChangedResolver {
  @Subscription(() => PricesChanged, {
    description: 'Every posting and withdrawal of price lists of one price type (a partner: only its own type)',
    subscribe: async ({ args, context }) => {
      const ctx = context as Context;
      if (!ctx.user?.permissions.has('price:read')) throw forbidden('Your roles do not allow price:read');
      // another type is out of a partner's scope: as for a type that does not exist, nothing ever arrives
      const mayRead = await ctx.services.prices.mayRead(ctx, args.priceTypeId as string);
      return ctx.services.events.subscribe<PriceChange>(PRICES_CHANGED, (change) => mayRead && change.priceTypeId === args.priceTypeId);
    },
  })
  pricesChanged(@Root() change: PriceChange, @Arg('priceTypeId', () => ID) _priceTypeId: string): PricesChanged {
    return change as unknown as PricesChanged;
  }
}
