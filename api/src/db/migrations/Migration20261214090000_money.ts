import { Migration } from '@mikro-orm/migrations';

export class Migration20261214090000_money extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "service_act" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "client_id" uuid not null, "order_id" uuid null, "contract_id" uuid null, "payment_terms_days" int not null default 0, "vat_included" boolean not null default false, "amount" numeric(19,4) not null default 0, "vat" numeric(19,4) not null default 0, "total" numeric(19,4) not null default 0, constraint "service_act_pkey" primary key ("id"), constraint service_act_payment_terms_nonnegative check (payment_terms_days >= 0));`);
    this.addSql(`create index "service_act_updated_at_index" on "service_act" ("updated_at");`);
    this.addSql(`alter table "service_act" add constraint "service_act_number_unique" unique ("number");`);
    this.addSql(`create index "service_act_order_id_index" on "service_act" ("order_id");`);
    this.addSql(`create index "service_act_date_index" on "service_act" ("date");`);
    this.addSql(`create index "service_act_client_id_date_index" on "service_act" ("client_id", "date");`);
    this.addSql(`create index "service_act_number_trgm" on "service_act" using gin ("number" gin_trgm_ops);`);

    this.addSql(`create table "service_act_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, "price" numeric(19,4) not null, "vat_rate" numeric(5,2) not null, "amount" numeric(19,4) not null, "vat" numeric(19,4) not null, "total" numeric(19,4) not null, "service_act_id" uuid not null, "discount" numeric(19,4) not null default 0, constraint "service_act_line_pkey" primary key ("id"), constraint service_act_line_price_nonnegative check (price >= 0), constraint service_act_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "service_act_line_updated_at_index" on "service_act_line" ("updated_at");`);
    this.addSql(`create index "service_act_line_product_id_index" on "service_act_line" ("product_id");`);
    this.addSql(`alter table "service_act_line" add constraint "service_act_line_no_unique" unique ("service_act_id", "line_no");`);

    this.addSql(`create table "invoice" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "client_id" uuid not null, "order_id" uuid null, "pay_until" date null, "vat_included" boolean not null default false, "amount" numeric(19,4) not null default 0, "vat" numeric(19,4) not null default 0, "total" numeric(19,4) not null default 0, constraint "invoice_pkey" primary key ("id"));`);
    this.addSql(`create index "invoice_updated_at_index" on "invoice" ("updated_at");`);
    this.addSql(`alter table "invoice" add constraint "invoice_number_unique" unique ("number");`);
    this.addSql(`create index "invoice_order_id_index" on "invoice" ("order_id");`);
    this.addSql(`create index "invoice_date_index" on "invoice" ("date");`);
    this.addSql(`create index "invoice_client_id_date_index" on "invoice" ("client_id", "date");`);
    this.addSql(`create index "invoice_number_trgm" on "invoice" using gin ("number" gin_trgm_ops);`);

    this.addSql(`create table "invoice_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, "price" numeric(19,4) not null, "vat_rate" numeric(5,2) not null, "amount" numeric(19,4) not null, "vat" numeric(19,4) not null, "total" numeric(19,4) not null, "invoice_id" uuid not null, constraint "invoice_line_pkey" primary key ("id"), constraint invoice_line_price_nonnegative check (price >= 0), constraint invoice_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "invoice_line_updated_at_index" on "invoice_line" ("updated_at");`);
    this.addSql(`create index "invoice_line_product_id_index" on "invoice_line" ("product_id");`);
    this.addSql(`alter table "invoice_line" add constraint "invoice_line_no_unique" unique ("invoice_id", "line_no");`);

    this.addSql(`create table "incoming_payment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "client_id" uuid not null, "amount" numeric(19,4) not null, "method" text check ("method" in ('BANK', 'CASH')) not null, "order_id" uuid null, "invoice_id" uuid null, "created_by_id" uuid null, "idempotency_key" text null, constraint "incoming_payment_pkey" primary key ("id"), constraint incoming_payment_amount_positive check (amount > 0));`);
    this.addSql(`create index "incoming_payment_updated_at_index" on "incoming_payment" ("updated_at");`);
    this.addSql(`alter table "incoming_payment" add constraint "incoming_payment_number_unique" unique ("number");`);
    this.addSql(`create index "incoming_payment_date_index" on "incoming_payment" ("date");`);
    this.addSql(`create index "incoming_payment_client_id_date_index" on "incoming_payment" ("client_id", "date");`);
    this.addSql(`create index "incoming_payment_number_trgm" on "incoming_payment" using gin ("number" gin_trgm_ops);`);
    this.addSql(`alter table "incoming_payment" add constraint "incoming_payment_idempotency_unique" unique ("created_by_id", "idempotency_key");`);

    this.addSql(`create table "payment_allocation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "payment_id" uuid not null, "document_type" text not null, "document_id" uuid not null, "amount" numeric(19,4) not null, constraint "payment_allocation_pkey" primary key ("id"), constraint payment_allocation_amount_positive check (amount > 0));`);
    this.addSql(`create index "payment_allocation_updated_at_index" on "payment_allocation" ("updated_at");`);
    this.addSql(`alter table "payment_allocation" add constraint "payment_allocation_line_no_unique" unique ("payment_id", "line_no");`);

    this.addSql(`create table "credit_override" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "order_id" uuid not null, "client_id" uuid not null, "reason" text not null, "figures" jsonb not null, constraint "credit_override_pkey" primary key ("id"));`);
    this.addSql(`create index "credit_override_updated_at_index" on "credit_override" ("updated_at");`);
    this.addSql(`create index "credit_override_order_id_index" on "credit_override" ("order_id");`);
    this.addSql(`create index "credit_override_client_id_index" on "credit_override" ("client_id");`);

    this.addSql(`alter table "service_act" add constraint "service_act_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "service_act_line" add constraint "service_act_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "service_act_line" add constraint "service_act_line_service_act_id_foreign" foreign key ("service_act_id") references "service_act" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "invoice" add constraint "invoice_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "invoice_line" add constraint "invoice_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "invoice_line" add constraint "invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "invoice" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "incoming_payment" add constraint "incoming_payment_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "payment_allocation" add constraint "payment_allocation_payment_id_foreign" foreign key ("payment_id") references "incoming_payment" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "credit_override" add constraint "credit_override_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "counterparty" add column "credit_limit" numeric(19,4) null, add column "payment_terms_days" int not null default 0;`);
    this.addSql(`alter table "counterparty" add constraint counterparty_credit_terms_range check(payment_terms_days >= 0 and (credit_limit is null or credit_limit >= 0));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "service_act_line" drop constraint "service_act_line_service_act_id_foreign";`);

    this.addSql(`alter table "invoice_line" drop constraint "invoice_line_invoice_id_foreign";`);

    this.addSql(`alter table "payment_allocation" drop constraint "payment_allocation_payment_id_foreign";`);

    this.addSql(`drop table if exists "service_act" cascade;`);

    this.addSql(`drop table if exists "service_act_line" cascade;`);

    this.addSql(`drop table if exists "invoice" cascade;`);

    this.addSql(`drop table if exists "invoice_line" cascade;`);

    this.addSql(`drop table if exists "incoming_payment" cascade;`);

    this.addSql(`drop table if exists "payment_allocation" cascade;`);

    this.addSql(`drop table if exists "credit_override" cascade;`);

    this.addSql(`alter table "counterparty" drop constraint counterparty_credit_terms_range;`);
    this.addSql(`alter table "counterparty" drop column "credit_limit", drop column "payment_terms_days";`);
  }

}
