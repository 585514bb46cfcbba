import { IsInt, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MoneyScalar } from '../../shared/decimal.scalar';
import { LocalDateScalar } from '../../shared/local-date.scalar';
import { MAX_PER_PAGE } from '../../shared/pagination';
import { Counterparty } from '../crm/counterparty.entity';

@ObjectType({ description: 'What a client owes now' })
export class ClientBalanceView {
  @Field(() => Counterparty)
  client: Counterparty;

  @Field(() => MoneyScalar, { description: 'receivable − advances: + the client owes us' })
  balance: string;

  @Field(() => MoneyScalar, { description: 'Σ of what its open debt documents still owe' })
  receivable: string;

  @Field(() => MoneyScalar, { description: 'Of the receivable, what is past its due date today' })
  overdue: string;

  @Field(() => Int, { description: 'Days past due of its oldest overdue debt (0: none)' })
  overdueDays: number;

  @Field(() => MoneyScalar, { description: "Σ of its payments' advances no debt has taken yet" })
  advances: string;

  @Field(() => MoneyScalar, { nullable: true, description: 'Its credit limit; null: none' })
  creditLimit: string | null;
}

@ObjectType({ description: 'What we owe a supplier now' })
export class SupplierBalanceView {
  @Field(() => Counterparty)
  supplier: Counterparty;

  @Field(() => MoneyScalar, { description: 'payable − advances: + we owe the supplier' })
  balance: string;

  @Field(() => MoneyScalar, { description: 'Σ of what its open receipts and landed costs are still owed' })
  payable: string;

  @Field(() => MoneyScalar, { description: 'Of the payable, what is past its due date today' })
  overdue: string;

  @Field(() => Int, { description: 'Days past due of its oldest overdue debt (0: none)' })
  overdueDays: number;

  @Field(() => MoneyScalar, { description: 'Σ of our payments\' advances no receipt has taken yet' })
  advances: string;
}

@ObjectType({ description: 'A document a client (or a supplier) has something open against' })
export class OpenItemView {
  @Field()
  documentType: string;

  @Field(() => ID)
  documentId: string;

  @Field()
  number: string;

  @Field(() => LocalDateScalar)
  date: string;

  @Field(() => LocalDateScalar, { nullable: true })
  dueDate: string | null;

  @Field(() => MoneyScalar, { description: 'What it opened: a debt\'s amount, an advance\'s (negative)' })
  amount: string;

  @Field(() => MoneyScalar, { description: '+ still owed, − an advance still to apply' })
  open: string;

  @Field(() => Int, { description: 'Days past its due date on the day asked about (0 when not due)' })
  daysOverdue: number;
}

@ObjectType({ description: "A client's receivable (or what we owe a supplier, in payablesAgeing) by how long it is past due, on a date" })
export class AgeingRow {
  @Field(() => Counterparty, { nullable: true, description: 'Null on the totals row' })
  client: Counterparty | null;

  @Field(() => Counterparty, { nullable: true, description: 'The client or the supplier; null on the totals row' })
  counterparty: Counterparty | null;

  @Field(() => MoneyScalar)
  notDue: string;

  @Field(() => MoneyScalar, { description: '1–30 days past due' })
  overdue1to30: string;

  @Field(() => MoneyScalar, { description: '31–60 days past due' })
  overdue31to60: string;

  @Field(() => MoneyScalar, { description: '61–90 days past due' })
  overdue61to90: string;

  @Field(() => MoneyScalar, { description: 'More than 90 days past due' })
  overdueOver90: string;

  @Field(() => MoneyScalar, { description: 'Σ of the buckets: what open debts owe (in payablesAgeing: what we owe)' })
  receivable: string;

  @Field(() => MoneyScalar, { description: 'Advances no debt has taken, shown apart' })
  advances: string;

  @Field(() => MoneyScalar, { description: 'receivable − advances' })
  balance: string;
}

@ObjectType()
export class ReceivablesAgeing {
  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => [AgeingRow], { description: 'Per client with something open, the largest balance first' })
  items: AgeingRow[];

  @Field(() => Int, { description: 'Clients with something open' })
  total: number;

  @Field(() => AgeingRow, { description: 'Σ over every client of the filter (not only this page)' })
  totals: AgeingRow;
}

@InputType()
export class AgeingFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  clientId?: string | null;

  @Field(() => ID, { nullable: true, description: "The clients' owner (manager)" })
  @IsOptional()
  @IsUUID('all')
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'In the client name' })
  @IsOptional()
  @MaxLength(200)
  q?: string | null;
}

@ArgsType()
export class AgeingArgs {
  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => AgeingFilter, { nullable: true })
  filter?: AgeingFilter | null;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage: number = 25;
}

@ObjectType({ description: 'One document of a reconciliation statement' })
export class ReconciliationLine {
  @Field(() => LocalDateScalar)
  date: string;

  @Field()
  documentType: string;

  @Field(() => ID)
  documentId: string;

  @Field()
  number: string;

  @Field(() => MoneyScalar, { description: 'What it made the client owe; what we paid the supplier' })
  debit: string;

  @Field(() => MoneyScalar, { description: "What settled the client's debt; what the supplier's document made us owe" })
  credit: string;
}

@ObjectType({ description: 'Акт сверки: the opening balance, every document of the period, the closing balance (+ in our favour: the client owes us, or we paid the supplier ahead)' })
export class ReconciliationStatement {
  @Field(() => Counterparty, { description: 'The counterparty (a supplier too, in supplierReconciliationStatement)' })
  client: Counterparty;

  @Field(() => Counterparty, { description: 'The client or the supplier' })
  counterparty: Counterparty;

  @Field(() => LocalDateScalar)
  from: string;

  @Field(() => LocalDateScalar)
  to: string;

  @Field(() => MoneyScalar, { description: 'At the start of `from`' })
  opening: string;

  @Field(() => [ReconciliationLine])
  lines: ReconciliationLine[];

  @Field(() => MoneyScalar)
  debit: string;

  @Field(() => MoneyScalar)
  credit: string;

  @Field(() => MoneyScalar, { description: 'At the end of `to`: opening + debit − credit' })
  closing: string;
}

@InputType()
export class SupplierAgeingFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all')
  supplierId?: string | null;

  @Field(() => String, { nullable: true, description: 'In the supplier name' })
  @IsOptional()
  @MaxLength(200)
  q?: string | null;
}

@ArgsType()
export class SupplierAgeingArgs {
  @Field(() => LocalDateScalar)
  asOf: string;

  @Field(() => SupplierAgeingFilter, { nullable: true })
  filter?: SupplierAgeingFilter | null;

  @Field(() => Int, { defaultValue: 1 })
  @IsInt()
  @Min(1)
  page: number = 1;

  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1)
  @Max(MAX_PER_PAGE)
  perPage: number = 25;
}
