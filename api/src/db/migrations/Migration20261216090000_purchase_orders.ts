import { Migration } from '@mikro-orm/migrations';

/** Purchasing (issue 14 §3–5): supplier prices, main suppliers, purchase orders, the purchases register and its balance per order line, receipts against an order. */
export class Migration20261216090000_purchase_orders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "supplier_price" ("id" uuid not null, "supplier_id" uuid not null, "product_id" uuid not null, "valid_from" date not null, "price" numeric(19,4) not null, constraint "supplier_price_pkey" primary key ("id"), constraint supplier_price_nonnegative check (price >= 0));`);
    this.addSql(`create index "supplier_price_product_id_index" on "supplier_price" ("product_id");`);
    this.addSql(`alter table "supplier_price" add constraint "supplier_price_unique" unique ("supplier_id", "product_id", "valid_from");`);

    this.addSql(`create table "product_main_supplier" ("product_id" uuid not null, "supplier_id" uuid not null, constraint "product_main_supplier_pkey" primary key ("product_id"));`);
    this.addSql(`create index "product_main_supplier_supplier_id_index" on "product_main_supplier" ("supplier_id");`);

    this.addSql(`create table "purchase_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "warehouse_id" uuid not null, "supplier_id" uuid not null, "expected_date" date null, "payment_days" int null, "receipt_tolerance_percent" numeric(5,2) not null default 0, "closed_at" timestamptz null, constraint "purchase_order_pkey" primary key ("id"), constraint purchase_order_payment_days_range check (payment_days is null or (payment_days >= 0 and payment_days <= 3650)), constraint purchase_order_tolerance_range check (receipt_tolerance_percent >= 0 and receipt_tolerance_percent <= 100));`);
    this.addSql(`create index "purchase_order_updated_at_index" on "purchase_order" ("updated_at");`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_number_unique" unique ("number");`);
    this.addSql(`create index "purchase_order_warehouse_id_date_index" on "purchase_order" ("warehouse_id", "date");`);
    this.addSql(`create index "purchase_order_supplier_id_date_index" on "purchase_order" ("supplier_id", "date");`);
    this.addSql(`create index "purchase_order_date_index" on "purchase_order" ("date");`);

    this.addSql(`create table "purchase_register" ("id" uuid not null, "order_id" uuid not null, "order_line" int not null, "warehouse_id" uuid not null, "product_id" uuid not null, "supplier_id" uuid not null, "date" date not null, "ordered" numeric(18,3) not null, "ordered_amount" numeric(19,4) not null, "received" numeric(18,3) not null, "received_amount" numeric(19,4) not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "purchase_register_pkey" primary key ("id"));`);
    this.addSql(`create index "purchase_register_supplier_id_date_index" on "purchase_register" ("supplier_id", "date");`);
    this.addSql(`create index "purchase_register_order_id_order_line_index" on "purchase_register" ("order_id", "order_line");`);
    this.addSql(`create index "purchase_register_recorder_id_recorder_type_index" on "purchase_register" ("recorder_id", "recorder_type");`);

    this.addSql(`create table "purchase_order_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, "purchase_order_id" uuid not null, "price" numeric(19,4) not null, "vat_rate" numeric(5,2) not null, "amount" numeric(19,4) not null, "vat" numeric(19,4) not null, constraint "purchase_order_line_pkey" primary key ("id"), constraint purchase_order_line_price_nonnegative check (price >= 0), constraint purchase_order_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "purchase_order_line_updated_at_index" on "purchase_order_line" ("updated_at");`);
    this.addSql(`create index "purchase_order_line_product_id_index" on "purchase_order_line" ("product_id");`);
    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_no_unique" unique ("purchase_order_id", "line_no");`);

    this.addSql(`create table "purchase_order_balance" ("order_id" uuid not null, "order_line" int not null, "warehouse_id" uuid not null, "product_id" uuid not null, "ordered" numeric(18,3) not null, "ordered_amount" numeric(19,4) not null, "received" numeric(18,3) not null, "received_amount" numeric(19,4) not null, constraint "purchase_order_balance_pkey" primary key ("order_id", "order_line", "warehouse_id", "product_id"));`);
    this.addSql(`create index "purchase_order_balance_warehouse_id_product_id_index" on "purchase_order_balance" ("warehouse_id", "product_id");`);

    this.addSql(`alter table "supplier_price" add constraint "supplier_price_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "supplier_price" add constraint "supplier_price_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "product_main_supplier" add constraint "product_main_supplier_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "product_main_supplier" add constraint "product_main_supplier_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "purchase_order" add constraint "purchase_order_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_order" add constraint "purchase_order_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "purchase_register" add constraint "purchase_register_order_id_foreign" foreign key ("order_id") references "purchase_order" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_register" add constraint "purchase_register_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_register" add constraint "purchase_register_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_register" add constraint "purchase_register_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_order_line" add constraint "purchase_order_line_purchase_order_id_foreign" foreign key ("purchase_order_id") references "purchase_order" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "purchase_order_balance" add constraint "purchase_order_balance_order_id_foreign" foreign key ("order_id") references "purchase_order" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_order_balance" add constraint "purchase_order_balance_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_order_balance" add constraint "purchase_order_balance_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "goods_receipt" add column "purchase_order_id" uuid null;`);
    this.addSql(`create index "goods_receipt_purchase_order_id_index" on "goods_receipt" ("purchase_order_id");`);

    this.addSql(`alter table "goods_receipt_line" add column "order_line" int null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "purchase_register" drop constraint "purchase_register_order_id_foreign";`);

    this.addSql(`alter table "purchase_order_line" drop constraint "purchase_order_line_purchase_order_id_foreign";`);

    this.addSql(`alter table "purchase_order_balance" drop constraint "purchase_order_balance_order_id_foreign";`);

    this.addSql(`drop table if exists "supplier_price" cascade;`);

    this.addSql(`drop table if exists "product_main_supplier" cascade;`);

    this.addSql(`drop table if exists "purchase_order" cascade;`);

    this.addSql(`drop table if exists "purchase_register" cascade;`);

    this.addSql(`drop table if exists "purchase_order_line" cascade;`);

    this.addSql(`drop table if exists "purchase_order_balance" cascade;`);

    this.addSql(`drop index "goods_receipt_purchase_order_id_index";`);
    this.addSql(`alter table "goods_receipt" drop column "purchase_order_id";`);

    this.addSql(`alter table "goods_receipt_line" drop column "order_line";`);
  }

}
