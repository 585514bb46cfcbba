import { Migration } from '@mikro-orm/migrations';

/** Customer orders with their priced lines, and the reservation register (its balance is stock_balance.reserved). */
export class Migration20261211090000_customer_orders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stock_reservation" ("id" uuid not null, "warehouse_id" uuid not null, "product_id" uuid not null, "date" date not null, "quantity" numeric(18,3) not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "stock_reservation_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_reservation_warehouse_id_product_id_index" on "stock_reservation" ("warehouse_id", "product_id");`);
    this.addSql(`create index "stock_reservation_recorder_id_recorder_type_index" on "stock_reservation" ("recorder_id", "recorder_type");`);

    this.addSql(`create table "customer_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'CONFIRMED', 'CANCELLED')) not null default 'DRAFT', "confirmed_at" timestamptz null, "client_id" uuid not null, "manager_id" uuid null, "warehouse_id" uuid not null, "price_type_id" uuid not null, "contract_id" uuid null, "promised_date" date null, "payment_terms_days" int not null default 0, "promo_code" text null, "allow_backorder" boolean not null default false, "amount" numeric(19,4) not null default 0, "vat" numeric(19,4) not null default 0, "total" numeric(19,4) not null default 0, "comment" text null, "created_by_id" uuid null, "idempotency_key" text null, constraint "customer_order_pkey" primary key ("id"), constraint customer_order_payment_terms_nonnegative check (payment_terms_days >= 0));`);
    this.addSql(`create index "customer_order_updated_at_index" on "customer_order" ("updated_at");`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_number_unique" unique ("number");`);
    this.addSql(`create index "customer_order_manager_id_index" on "customer_order" ("manager_id");`);
    this.addSql(`create index "customer_order_warehouse_id_index" on "customer_order" ("warehouse_id");`);
    this.addSql(`create index "customer_order_date_index" on "customer_order" ("date");`);
    this.addSql(`create index "customer_order_client_id_date_index" on "customer_order" ("client_id", "date");`);
    this.addSql(`create index "customer_order_number_trgm" on "customer_order" using gin ("number" gin_trgm_ops);`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_idempotency_unique" unique ("created_by_id", "idempotency_key");`);

    this.addSql(`create table "customer_order_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "order_id" uuid not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, "base_price" numeric(19,4) not null, "price_list_id" uuid null, "applied_rules" jsonb not null, "manual_discount_percent" numeric(7,4) not null default 0, "manual_discount_amount" numeric(19,4) not null default 0, "final_unit_price" numeric(19,4) not null, "rounding" numeric(19,4) not null default 0, "amount" numeric(19,4) not null, "vat_rate" numeric(5,2) not null, "vat" numeric(19,4) not null, "total" numeric(19,4) not null, "backordered" numeric(18,3) not null default 0, constraint "customer_order_line_pkey" primary key ("id"), constraint customer_order_line_backordered_range check (backordered >= 0 and backordered <= quantity), constraint customer_order_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "customer_order_line_updated_at_index" on "customer_order_line" ("updated_at");`);
    this.addSql(`create index "customer_order_line_product_id_index" on "customer_order_line" ("product_id");`);
    this.addSql(`alter table "customer_order_line" add constraint "customer_order_line_product_unique" unique ("order_id", "product_id");`);
    this.addSql(`alter table "customer_order_line" add constraint "customer_order_line_no_unique" unique ("order_id", "line_no");`);

    this.addSql(`alter table "stock_reservation" add constraint "stock_reservation_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stock_reservation" add constraint "stock_reservation_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "customer_order" add constraint "customer_order_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_manager_id_foreign" foreign key ("manager_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "customer_order" add constraint "customer_order_price_type_id_foreign" foreign key ("price_type_id") references "price_type" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "customer_order_line" add constraint "customer_order_line_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "customer_order_line" add constraint "customer_order_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer_order_line" drop constraint "customer_order_line_order_id_foreign";`);

    this.addSql(`drop table if exists "stock_reservation" cascade;`);

    this.addSql(`drop table if exists "customer_order" cascade;`);

    this.addSql(`drop table if exists "customer_order_line" cascade;`);
  }

}
