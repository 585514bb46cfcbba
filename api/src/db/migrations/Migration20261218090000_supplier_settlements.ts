import { Migration } from '@mikro-orm/migrations';

/**
 * Supplier settlements (issue 14 §7): the supplier settlements register names the document
 * each amount is open against and its due date (posted receipts and landed costs: against
 * themselves, due their date + the supplier's payment terms), keeps a balance per supplier
 * and month totals (both built from the rows already there); outgoing payments.
 */
export class Migration20261218090000_supplier_settlements extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "supplier_settlement" drop constraint "supplier_settlement_counterparty_id_foreign";`);
    this.addSql(`alter table "supplier_settlement" rename column "counterparty_id" to "supplier_id";`);
    this.addSql(`alter index "supplier_settlement_counterparty_id_date_index" rename to "supplier_settlement_supplier_id_date_index";`);
    this.addSql(`alter table "supplier_settlement" add column "document_type" text null, add column "document_id" uuid null, add column "due_date" date null;`);
    this.addSql(`update "supplier_settlement" s set "document_type" = s."recorder_type", "document_id" = s."recorder_id", "due_date" = s."date" + c."payment_terms_days" from "counterparty" c where c."id" = s."supplier_id";`);
    this.addSql(`alter table "supplier_settlement" alter column "document_type" set not null, alter column "document_id" set not null;`);
    this.addSql(`create index "supplier_settlement_document_id_index" on "supplier_settlement" ("document_id");`);
    this.addSql(`create index "supplier_settlement_supplier_id_document_id_index" on "supplier_settlement" ("supplier_id", "document_id");`);
    this.addSql(`alter table "supplier_settlement" add constraint "supplier_settlement_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "supplier_balance" ("supplier_id" uuid not null, "amount" numeric(19,4) not null, constraint "supplier_balance_pkey" primary key ("supplier_id"));`);
    this.addSql(`alter table "supplier_balance" add constraint "supplier_balance_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);
    this.addSql(`insert into "supplier_balance" ("supplier_id", "amount") select "supplier_id", sum("amount") from "supplier_settlement" group by "supplier_id";`);

    this.addSql(`create table "supplier_settlement_month_total" ("supplier_id" uuid not null, "month" date not null, "amount" numeric(19,4) not null, "closing_amount" numeric(19,4) not null, constraint "supplier_settlement_month_total_pkey" primary key ("supplier_id", "month"));`);
    this.addSql(`alter table "supplier_settlement_month_total" add constraint "supplier_settlement_month_total_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);
    this.addSql(`insert into "supplier_settlement_month_total" ("supplier_id", "month", "amount", "closing_amount")
      select "supplier_id", "month", "amount", sum("amount") over (partition by "supplier_id" order by "month")
      from (select "supplier_id", date_trunc('month', "date")::date as "month", sum("amount") as "amount" from "supplier_settlement" group by 1, 2) m;`);

    this.addSql(`create table "outgoing_payment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "supplier_id" uuid not null, "amount" numeric(19,4) not null, "method" text check ("method" in ('BANK', 'CASH')) not null, "receipt_id" uuid null, "created_by_id" uuid null, "idempotency_key" text null, constraint "outgoing_payment_pkey" primary key ("id"), constraint outgoing_payment_amount_positive check (amount > 0));`);
    this.addSql(`create index "outgoing_payment_updated_at_index" on "outgoing_payment" ("updated_at");`);
    this.addSql(`alter table "outgoing_payment" add constraint "outgoing_payment_number_unique" unique ("number");`);
    this.addSql(`create index "outgoing_payment_date_index" on "outgoing_payment" ("date");`);
    this.addSql(`create index "outgoing_payment_supplier_id_date_index" on "outgoing_payment" ("supplier_id", "date");`);
    this.addSql(`create index "outgoing_payment_number_trgm" on "outgoing_payment" using gin ("number" gin_trgm_ops);`);
    this.addSql(`alter table "outgoing_payment" add constraint "outgoing_payment_idempotency_unique" unique ("created_by_id", "idempotency_key");`);
    this.addSql(`alter table "outgoing_payment" add constraint "outgoing_payment_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`create table "outgoing_payment_allocation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "payment_id" uuid not null, "document_type" text not null, "document_id" uuid not null, "amount" numeric(19,4) not null, constraint "outgoing_payment_allocation_pkey" primary key ("id"), constraint outgoing_payment_allocation_amount_positive check (amount > 0));`);
    this.addSql(`create index "outgoing_payment_allocation_updated_at_index" on "outgoing_payment_allocation" ("updated_at");`);
    this.addSql(`alter table "outgoing_payment_allocation" add constraint "outgoing_payment_allocation_line_no_unique" unique ("payment_id", "line_no");`);
    this.addSql(`alter table "outgoing_payment_allocation" add constraint "outgoing_payment_allocation_payment_id_foreign" foreign key ("payment_id") references "outgoing_payment" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outgoing_payment_allocation" cascade;`);
    this.addSql(`drop table if exists "outgoing_payment" cascade;`);
    this.addSql(`drop table if exists "supplier_settlement_month_total" cascade;`);
    this.addSql(`drop table if exists "supplier_balance" cascade;`);
    this.addSql(`delete from "supplier_settlement" where "recorder_type" = 'OutgoingPayment' or "document_id" <> "recorder_id";`);
    this.addSql(`alter table "supplier_settlement" drop constraint "supplier_settlement_supplier_id_foreign";`);
    this.addSql(`drop index "supplier_settlement_document_id_index";`);
    this.addSql(`drop index "supplier_settlement_supplier_id_document_id_index";`);
    this.addSql(`alter table "supplier_settlement" drop column "document_type", drop column "document_id", drop column "due_date";`);
    this.addSql(`alter index "supplier_settlement_supplier_id_date_index" rename to "supplier_settlement_counterparty_id_date_index";`);
    this.addSql(`alter table "supplier_settlement" rename column "supplier_id" to "counterparty_id";`);
    this.addSql(`alter table "supplier_settlement" add constraint "supplier_settlement_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on update cascade on delete restrict;`);
  }

}
