import { Migration } from '@mikro-orm/migrations';

export class Migration20261127150426_counts_landed_costs extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "landed_cost" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "supplier_id" uuid not null, "description" text not null, "amount" numeric(19,4) not null, "vat_rate" numeric(5,2) not null default 0, "vat" numeric(19,4) not null default 0, "method" text check ("method" in ('VALUE', 'QUANTITY', 'WEIGHT', 'MANUAL')) not null, constraint "landed_cost_pkey" primary key ("id"), constraint landed_cost_amount_positive check (amount > 0));`);
    this.addSql(`create index "landed_cost_updated_at_index" on "landed_cost" ("updated_at");`);
    this.addSql(`alter table "landed_cost" add constraint "landed_cost_number_unique" unique ("number");`);
    this.addSql(`create index "landed_cost_supplier_id_date_index" on "landed_cost" ("supplier_id", "date");`);
    this.addSql(`create index "landed_cost_date_index" on "landed_cost" ("date");`);

    this.addSql(`create table "stock_count" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "warehouse_id" uuid not null, constraint "stock_count_pkey" primary key ("id"));`);
    this.addSql(`create index "stock_count_updated_at_index" on "stock_count" ("updated_at");`);
    this.addSql(`alter table "stock_count" add constraint "stock_count_number_unique" unique ("number");`);
    this.addSql(`create index "stock_count_warehouse_id_date_index" on "stock_count" ("warehouse_id", "date");`);
    this.addSql(`create index "stock_count_date_index" on "stock_count" ("date");`);

    this.addSql(`create table "stock_count_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "stock_count_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "book_quantity" numeric(18,3) not null, "counted_quantity" numeric(18,3) not null, "difference_cost" numeric(19,4) null, constraint "stock_count_line_pkey" primary key ("id"), constraint stock_count_line_counted_nonnegative check (counted_quantity >= 0));`);
    this.addSql(`create index "stock_count_line_updated_at_index" on "stock_count_line" ("updated_at");`);
    this.addSql(`create index "stock_count_line_product_id_index" on "stock_count_line" ("product_id");`);
    this.addSql(`alter table "stock_count_line" add constraint "stock_count_line_product_unique" unique ("stock_count_id", "product_id");`);
    this.addSql(`alter table "stock_count_line" add constraint "stock_count_line_no_unique" unique ("stock_count_id", "line_no");`);

    this.addSql(`create table "landed_cost_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "landed_cost_id" uuid not null, "line_no" int not null, "goods_receipt_line_id" uuid not null, "weight" numeric(18,3) null, "manual_amount" numeric(19,4) null, "allocated" numeric(19,4) not null, constraint "landed_cost_line_pkey" primary key ("id"));`);
    this.addSql(`create index "landed_cost_line_updated_at_index" on "landed_cost_line" ("updated_at");`);
    this.addSql(`create index "landed_cost_line_goods_receipt_line_id_index" on "landed_cost_line" ("goods_receipt_line_id");`);
    this.addSql(`alter table "landed_cost_line" add constraint "landed_cost_line_receipt_line_unique" unique ("landed_cost_id", "goods_receipt_line_id");`);
    this.addSql(`alter table "landed_cost_line" add constraint "landed_cost_line_no_unique" unique ("landed_cost_id", "line_no");`);

    this.addSql(`create table "cost_adjustment" ("id" uuid not null, "date" date not null, "kind" text check ("kind" in ('LOT', 'EXPENSE', 'TRANSFER', 'COGS')) not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, "lot_id" uuid not null, "warehouse_id" uuid not null, "product_id" uuid not null, "target_type" text not null, "target_id" uuid not null, "target_line" int not null, "quantity" numeric(18,3) not null, "amount" numeric(19,4) not null, "unit_cost_delta" numeric(19,4) null, constraint "cost_adjustment_pkey" primary key ("id"));`);
    this.addSql(`create index "cost_adjustment_lot_id_index" on "cost_adjustment" ("lot_id");`);
    this.addSql(`create index "cost_adjustment_target_type_target_id_index" on "cost_adjustment" ("target_type", "target_id");`);
    this.addSql(`create index "cost_adjustment_recorder_type_recorder_id_index" on "cost_adjustment" ("recorder_type", "recorder_id");`);

    this.addSql(`alter table "landed_cost" add constraint "landed_cost_supplier_id_foreign" foreign key ("supplier_id") references "counterparty" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stock_count" add constraint "stock_count_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stock_count_line" add constraint "stock_count_line_stock_count_id_foreign" foreign key ("stock_count_id") references "stock_count" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stock_count_line" add constraint "stock_count_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "landed_cost_line" add constraint "landed_cost_line_landed_cost_id_foreign" foreign key ("landed_cost_id") references "landed_cost" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "landed_cost_line" add constraint "landed_cost_line_goods_receipt_line_id_foreign" foreign key ("goods_receipt_line_id") references "goods_receipt_line" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "cost_adjustment" add constraint "cost_adjustment_lot_id_foreign" foreign key ("lot_id") references "stock_lot" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "cost_adjustment" add constraint "cost_adjustment_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "cost_adjustment" add constraint "cost_adjustment_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "landed_cost_line" drop constraint "landed_cost_line_landed_cost_id_foreign";`);

    this.addSql(`alter table "stock_count_line" drop constraint "stock_count_line_stock_count_id_foreign";`);

    this.addSql(`drop table if exists "landed_cost" cascade;`);

    this.addSql(`drop table if exists "stock_count" cascade;`);

    this.addSql(`drop table if exists "stock_count_line" cascade;`);

    this.addSql(`drop table if exists "landed_cost_line" cascade;`);

    this.addSql(`drop table if exists "cost_adjustment" cascade;`);
  }

}
