import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentResolver } from '../ledger/document.resolver';
import { addDays } from './sales-document-lines';
import { ServiceAct, ServiceActLine } from './service-act.entity';
import { CreateServiceActInput, FromOrderArgs, SalesDocumentListArgs, UpdateServiceActInput } from './service-act.inputs';

@Resolver(() => ServiceAct)
export class ServiceActResolver extends DocumentResolver({
  entity: ServiceAct,
  plural: 'serviceActs',
  resource: 'serviceAct',
  service: (ctx) => ctx.services.serviceActs,
  listArgs: SalesDocumentListArgs,
  createInput: CreateServiceActInput,
  updateInput: UpdateServiceActInput,
  describe: {
    list: "Filter by date range, client, order, status; q searches the number. A manager sees their clients' acts, a partner its own",
    create: 'A draft of service lines (a GOODS line is BAD_USER_INPUT on it); the number SA-YYYY-NNNNNN comes from its date',
    post: 'Sales register rows (no warehouse, cost 0), the receivable due on date + payment terms (open advances applied first), sales VAT book rows per rate',
    unpost: 'Back to a draft, its register rows deleted; INVALID_STATE while a payment settles against it',
    cancel: 'A draft or a posted act is cancelled; a posted one loses its register rows',
  },
}) {
  @Authorized('serviceAct:create')
  @Mutation(() => ServiceAct, { description: "A draft of the order's service lines not yet acted, at their frozen prices, due after the order's payment terms; INVALID_STATE when nothing is left" })
  createServiceActFromOrder(@Args(() => FromOrderArgs) args: FromOrderArgs, @Ctx() ctx: Context) {
    return ctx.services.serviceActs.createFromOrder(ctx, args.orderId, args.date);
  }

  @FieldResolver(() => Counterparty)
  client(@Root() act: ServiceAct, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(act.client.id);
  }

  @FieldResolver(() => LocalDateScalar, { description: 'When its receivable falls due: date + payment terms' })
  dueDate(@Root() act: ServiceAct): string {
    return addDays(act.date, act.paymentTermsDays);
  }

  @FieldResolver(() => [ServiceActLine])
  lines(@Root() act: ServiceAct, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(ServiceActLine, 'serviceAct', { lineNo: 'asc' }).load(act.id);
  }
}

@Resolver(() => ServiceActLine)
export class ServiceActLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: ServiceActLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }
}
