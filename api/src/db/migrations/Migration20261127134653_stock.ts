import { Migration } from '@mikro-orm/migrations';

export class Migration20261127134653_stock extends Migration {

  override async up(): Promise<void> {
    // FIFO order among lots of one date (StockLot.sequence); written by posting SQL, not by the ORM
    this.addSql(`create sequence "stock_lot_sequence";`);
    this.addSql(`create table "supplier_settlement" ("id" uuid not null, "counterparty_id" uuid not null, "date" date not null, "amount" numeric(19,4) not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "supplier_settlement_pkey" primary key ("id"));`);
    this.addSql(`create index "supplier_settlement_counterparty_id_date_index" on "supplier_settlement" ("counterparty_id", "date");`);
    this.addSql(`create index "supplier_settlement_recorder_type_recorder_id_index" on "supplier_settlement" ("recorder_type", "recorder_id");`);

    this.addSql(`create table "purchase_vat_book" ("id" uuid not null, "supplier_id" uuid not null, "date" date not null, "rate" numeric(5,2) not null, "amount" numeric(19,4) not null, "vat" numeric(19,4) not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "purchase_vat_book_pkey" primary key ("id"));`);
    this.addSql(`create index "purchase_vat_book_supplier_id_date_index" on "purchase_vat_book" ("supplier_id", "date");`);
    this.addSql(`create index "purchase_vat_book_recorder_type_recorder_id_index" on "purchase_vat_book" ("recorder_type", "recorder_id");`);

    this.addSql(`create table "stock_month_total" ("warehouse_id" uuid not null, "product_id" uuid not null, "month" date not null, "quantity" numeric(18,3) not null, "cost" numeric(19,4) not null, constraint "stock_month_total_pkey" primary key ("warehouse_id", "product_id", "month"));`);
    this.addSql(`create index "stock_month_total_product_id_index" on "stock_month_total" ("product_id");`);

    this.addSql(`create table "stock_lot" ("id" uuid not null, "warehouse_id" uuid not null, "product_id" uuid not null, "date" date not null, "sequence" bigint not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, "origin_lot_id" uuid null, "qty_in" numeric(18,3) not null, "qty_remaining" numeric(18,3) not null, "unit_cost" numeric(19,4) not null, "value_remaining" numeric(19,4) not null, constraint "stock_lot_pkey" primary key ("id"), constraint stock_lot_value_nonnegative check (value_remaining >= 0), constraint stock_lot_remaining_range check (qty_remaining >= 0 and qty_remaining <= qty_in));`);
    this.addSql(`create index "stock_lot_product_id_index" on "stock_lot" ("product_id");`);
    this.addSql(`create index "stock_lot_origin_lot_id_index" on "stock_lot" ("origin_lot_id");`);
    this.addSql(`create index "stock_lot_recorder_type_recorder_id_index" on "stock_lot" ("recorder_type", "recorder_id");`);
    this.addSql(`create index "stock_lot_warehouse_id_product_id_date_sequence_index" on "stock_lot" ("warehouse_id", "product_id", "date", "sequence");`);

    this.addSql(`create table "stock_movement" ("id" uuid not null, "warehouse_id" uuid not null, "product_id" uuid not null, "lot_id" uuid null, "date" date not null, "quantity" numeric(18,3) not null, "cost" numeric(19,4) not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "stock_movement_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_movement_lot_id_index" on "stock_movement" ("lot_id");`);
    this.addSql(`create index "stock_movement_warehouse_id_product_id_date_index" on "stock_movement" ("warehouse_id", "product_id", "date");`);
    this.addSql(`create index "stock_movement_recorder_type_recorder_id_index" on "stock_movement" ("recorder_type", "recorder_id");`);

    this.addSql(`create table "stock_balance" ("warehouse_id" uuid not null, "product_id" uuid not null, "on_hand" numeric(18,3) not null, "reserved" numeric(18,3) not null default 0, "cost" numeric(19,4) not null, "allows_negative" boolean not null default false, constraint "stock_balance_pkey" primary key ("warehouse_id", "product_id"), constraint stock_balance_reserved_nonnegative check (reserved >= 0), constraint stock_balance_on_hand_allowed check (allows_negative or on_hand >= 0));`);
    this.addSql(`create index "stock_balance_product_id_index" on "stock_balance" ("product_id");`);

    this.addSql(`create table "goods_receipt" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "warehouse_id" uuid not null, "supplier_id" uuid not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, constraint "goods_receipt_pkey" primary key ("id"));`);
    this.addSql(`create index "goods_receipt_updated_at_index" on "goods_receipt" ("updated_at");`);
    this.addSql(`alter table "goods_receipt" add constraint "goods_receipt_number_unique" unique ("number");`);
    this.addSql(`create index "goods_receipt_supplier_id_date_index" on "goods_receipt" ("supplier_id", "date");`);
    this.addSql(`create index "goods_receipt_warehouse_id_date_index" on "goods_receipt" ("warehouse_id", "date");`);
    this.addSql(`create index "goods_receipt_date_index" on "goods_receipt" ("date");`);

    this.addSql(`create table "goods_receipt_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "goods_receipt_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, "unit_cost" numeric(19,4) not null, "vat_rate" numeric(5,2) not null, "amount" numeric(19,4) not null, "vat" numeric(19,4) not null, constraint "goods_receipt_line_pkey" primary key ("id"), constraint goods_receipt_line_unit_cost_nonnegative check (unit_cost >= 0), constraint goods_receipt_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "goods_receipt_line_updated_at_index" on "goods_receipt_line" ("updated_at");`);
    this.addSql(`create index "goods_receipt_line_product_id_index" on "goods_receipt_line" ("product_id");`);
    this.addSql(`alter table "goods_receipt_line" add constraint "goods_receipt_line_no_unique" unique ("goods_receipt_id", "line_no");`);

    this.addSql(`alter table "supplier_settlement" add constraint "supplier_settlement_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "purchase_vat_book" add constraint "purchase_vat_book_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stock_month_total" add constraint "stock_month_total_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stock_month_total" add constraint "stock_month_total_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stock_lot" add constraint "stock_lot_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stock_lot" add constraint "stock_lot_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stock_lot" add constraint "stock_lot_origin_lot_id_foreign" foreign key ("origin_lot_id") references "stock_lot" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stock_movement" add constraint "stock_movement_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stock_movement" add constraint "stock_movement_lot_id_foreign" foreign key ("lot_id") references "stock_lot" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stock_balance" add constraint "stock_balance_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stock_balance" add constraint "stock_balance_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "goods_receipt" add constraint "goods_receipt_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "goods_receipt" add constraint "goods_receipt_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "goods_receipt_line" add constraint "goods_receipt_line_goods_receipt_id_foreign" foreign key ("goods_receipt_id") references "goods_receipt" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "goods_receipt_line" add constraint "goods_receipt_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop sequence if exists "stock_lot_sequence";`);
    this.addSql(`alter table "stock_lot" drop constraint "stock_lot_origin_lot_id_foreign";`);

    this.addSql(`alter table "stock_movement" drop constraint "stock_movement_lot_id_foreign";`);

    this.addSql(`alter table "goods_receipt_line" drop constraint "goods_receipt_line_goods_receipt_id_foreign";`);

    this.addSql(`drop table if exists "supplier_settlement" cascade;`);

    this.addSql(`drop table if exists "purchase_vat_book" cascade;`);

    this.addSql(`drop table if exists "stock_month_total" cascade;`);

    this.addSql(`drop table if exists "stock_lot" cascade;`);

    this.addSql(`drop table if exists "stock_movement" cascade;`);

    this.addSql(`drop table if exists "stock_balance" cascade;`);

    this.addSql(`drop table if exists "goods_receipt" cascade;`);

    this.addSql(`drop table if exists "goods_receipt_line" cascade;`);
  }

}
