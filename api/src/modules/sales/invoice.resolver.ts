import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { Product } from '../catalog/product.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { DocumentResolver } from '../ledger/document.resolver';
import { Invoice, InvoiceLine } from './invoice.entity';
import { CreateInvoiceInput, UpdateInvoiceInput } from './invoice.inputs';
import { FromOrderArgs, SalesDocumentListArgs } from './service-act.inputs';

@Resolver(() => Invoice)
export class InvoiceResolver extends DocumentResolver({
  entity: Invoice,
  plural: 'invoices',
  resource: 'invoice',
  service: (ctx) => ctx.services.invoices,
  listArgs: SalesDocumentListArgs,
  createInput: CreateInvoiceInput,
  updateInput: UpdateInvoiceInput,
  describe: {
    list: "Filter by date range, client, order, status; q searches the number. A manager sees their clients' invoices, a partner its own",
    create: 'A draft; the number IN-YYYY-NNNNNN comes from its date',
    post: 'Issues the invoice: it owes nothing by itself and writes no register',
    unpost: 'Back to a draft',
    cancel: 'The invoice is cancelled',
  },
}) {
  @Authorized('invoice:create')
  @Mutation(() => Invoice, { description: "A draft copying the order's lines (frozen prices) and totals, with its own number" })
  createInvoiceFromOrder(@Args(() => FromOrderArgs) args: FromOrderArgs, @Ctx() ctx: Context) {
    return ctx.services.invoices.createFromOrder(ctx, args.orderId, args.date);
  }

  @FieldResolver(() => Counterparty)
  client(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Counterparty).load(invoice.client.id);
  }

  @FieldResolver(() => [InvoiceLine])
  lines(@Root() invoice: Invoice, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(InvoiceLine, 'invoice', { lineNo: 'asc' }).load(invoice.id);
  }
}

@Resolver(() => InvoiceLine)
export class InvoiceLineResolver {
  @FieldResolver(() => Product)
  product(@Root() line: InvoiceLine, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Product).load(line.product.id);
  }
}
