import { Migration } from '@mikro-orm/migrations';

/** The sales registers (sales, client settlements with their balance and month totals, the sales VAT book), the order statuses of shipping, and the order a reservation row is held for. */
export class Migration20261212090000_sales_registers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "sales_vat_book" ("id" uuid not null, "client_id" uuid not null, "date" date not null, "rate" numeric(5,2) not null, "amount" numeric(19,4) not null, "vat" numeric(19,4) not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "sales_vat_book_pkey" primary key ("id"), constraint sales_vat_book_rate_range check (rate >= 0 and rate < 100));`);
    this.addSql(`create index "sales_vat_book_date_index" on "sales_vat_book" ("date");`);
    this.addSql(`create index "sales_vat_book_client_id_date_index" on "sales_vat_book" ("client_id", "date");`);
    this.addSql(`create index "sales_vat_book_recorder_id_recorder_type_index" on "sales_vat_book" ("recorder_id", "recorder_type");`);

    this.addSql(`create table "client_settlement_month_total" ("client_id" uuid not null, "month" date not null, "amount" numeric(19,4) not null, "closing_amount" numeric(19,4) not null, constraint "client_settlement_month_total_pkey" primary key ("client_id", "month"));`);

    this.addSql(`create table "client_settlement" ("id" uuid not null, "client_id" uuid not null, "document_type" text not null, "document_id" uuid not null, "date" date not null, "amount" numeric(19,4) not null, "due_date" date null, "order_id" uuid null, "contract_id" uuid null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "client_settlement_pkey" primary key ("id"));`);
    this.addSql(`create index "client_settlement_document_id_index" on "client_settlement" ("document_id");`);
    this.addSql(`create index "client_settlement_client_id_document_id_index" on "client_settlement" ("client_id", "document_id");`);
    this.addSql(`create index "client_settlement_client_id_date_index" on "client_settlement" ("client_id", "date");`);
    this.addSql(`create index "client_settlement_recorder_id_recorder_type_index" on "client_settlement" ("recorder_id", "recorder_type");`);

    this.addSql(`create table "client_balance" ("client_id" uuid not null, "amount" numeric(19,4) not null, constraint "client_balance_pkey" primary key ("client_id"));`);

    this.addSql(`create table "sales_register" ("id" uuid not null, "client_id" uuid not null, "product_id" uuid not null, "warehouse_id" uuid null, "manager_id" uuid null, "order_id" uuid null, "contract_id" uuid null, "date" date not null, "quantity" numeric(18,3) not null, "revenue" numeric(19,4) not null, "vat" numeric(19,4) not null, "discount" numeric(19,4) not null, "cost" numeric(19,4) not null, "kind" text not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "sales_register_pkey" primary key ("id"));`);
    this.addSql(`create index "sales_register_date_index" on "sales_register" ("date");`);
    this.addSql(`create index "sales_register_order_id_index" on "sales_register" ("order_id");`);
    this.addSql(`create index "sales_register_product_id_date_index" on "sales_register" ("product_id", "date");`);
    this.addSql(`create index "sales_register_client_id_date_index" on "sales_register" ("client_id", "date");`);
    this.addSql(`create index "sales_register_recorder_id_recorder_type_index" on "sales_register" ("recorder_id", "recorder_type");`);

    this.addSql(`alter table "sales_vat_book" add constraint "sales_vat_book_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "client_settlement_month_total" add constraint "client_settlement_month_total_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "client_settlement" add constraint "client_settlement_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "client_balance" add constraint "client_balance_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "sales_register" add constraint "sales_register_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "sales_register" add constraint "sales_register_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "sales_register" add constraint "sales_register_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "customer_order" drop constraint if exists "customer_order_status_check";`);

    this.addSql(`alter table "stock_reservation" add column "order_id" uuid null;`);
    this.addSql(`update "stock_reservation" set "order_id" = "recorder_id" where "recorder_type" = 'CustomerOrder';`);
    this.addSql(`create index "stock_reservation_order_id_index" on "stock_reservation" ("order_id");`);

    this.addSql(`alter table "customer_order" add constraint "customer_order_status_check" check("status" in ('DRAFT', 'CONFIRMED', 'PARTIALLY_SHIPPED', 'SHIPPED', 'CLOSED', 'CANCELLED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "sales_vat_book" cascade;`);

    this.addSql(`drop table if exists "client_settlement_month_total" cascade;`);

    this.addSql(`drop table if exists "client_settlement" cascade;`);

    this.addSql(`drop table if exists "client_balance" cascade;`);

    this.addSql(`drop table if exists "sales_register" cascade;`);

    this.addSql(`alter table "customer_order" drop constraint if exists "customer_order_status_check";`);

    this.addSql(`alter table "customer_order" add constraint "customer_order_status_check" check("status" in ('DRAFT', 'CONFIRMED', 'CANCELLED'));`);

    this.addSql(`drop index "stock_reservation_order_id_index";`);
    this.addSql(`alter table "stock_reservation" drop column "order_id";`);
  }

}
