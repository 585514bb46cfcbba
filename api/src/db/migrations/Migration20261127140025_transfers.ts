import { Migration } from '@mikro-orm/migrations';

export class Migration20261127140025_transfers extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "stock_transfer" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "from_warehouse_id" uuid not null, "to_warehouse_id" uuid not null, constraint "stock_transfer_pkey" primary key ("id"), constraint stock_transfer_warehouses_differ check (from_warehouse_id <> to_warehouse_id));`);
    this.addSql(`create index "stock_transfer_updated_at_index" on "stock_transfer" ("updated_at");`);
    this.addSql(`alter table "stock_transfer" add constraint "stock_transfer_number_unique" unique ("number");`);
    this.addSql(`create index "stock_transfer_to_warehouse_id_date_index" on "stock_transfer" ("to_warehouse_id", "date");`);
    this.addSql(`create index "stock_transfer_from_warehouse_id_date_index" on "stock_transfer" ("from_warehouse_id", "date");`);
    this.addSql(`create index "stock_transfer_date_index" on "stock_transfer" ("date");`);

    this.addSql(`create table "stock_transfer_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "stock_transfer_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, constraint "stock_transfer_line_pkey" primary key ("id"), constraint stock_transfer_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "stock_transfer_line_updated_at_index" on "stock_transfer_line" ("updated_at");`);
    this.addSql(`create index "stock_transfer_line_product_id_index" on "stock_transfer_line" ("product_id");`);
    this.addSql(`alter table "stock_transfer_line" add constraint "stock_transfer_line_no_unique" unique ("stock_transfer_id", "line_no");`);

    this.addSql(`create table "expense_register" ("id" uuid not null, "date" date not null, "warehouse_id" uuid not null, "product_id" uuid null, "reason" text not null, "amount" numeric(19,4) not null, "recorder_type" text not null, "recorder_id" uuid not null, "recorder_line" int not null, constraint "expense_register_pkey" primary key ("id"));`);
    this.addSql(`create index "expense_register_product_id_index" on "expense_register" ("product_id");`);
    this.addSql(`create index "expense_register_warehouse_id_date_index" on "expense_register" ("warehouse_id", "date");`);
    this.addSql(`create index "expense_register_recorder_type_recorder_id_index" on "expense_register" ("recorder_type", "recorder_id");`);

    this.addSql(`create table "write_off" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "warehouse_id" uuid not null, "reason" text check ("reason" in ('DAMAGE', 'SHORTAGE', 'EXPIRY', 'OWN_USE', 'OTHER')) not null, constraint "write_off_pkey" primary key ("id"));`);
    this.addSql(`create index "write_off_updated_at_index" on "write_off" ("updated_at");`);
    this.addSql(`alter table "write_off" add constraint "write_off_number_unique" unique ("number");`);
    this.addSql(`create index "write_off_warehouse_id_date_index" on "write_off" ("warehouse_id", "date");`);
    this.addSql(`create index "write_off_date_index" on "write_off" ("date");`);

    this.addSql(`create table "write_off_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "write_off_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, constraint "write_off_line_pkey" primary key ("id"), constraint write_off_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "write_off_line_updated_at_index" on "write_off_line" ("updated_at");`);
    this.addSql(`create index "write_off_line_product_id_index" on "write_off_line" ("product_id");`);
    this.addSql(`alter table "write_off_line" add constraint "write_off_line_no_unique" unique ("write_off_id", "line_no");`);

    this.addSql(`alter table "stock_transfer" add constraint "stock_transfer_from_warehouse_id_foreign" foreign key ("from_warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "stock_transfer" add constraint "stock_transfer_to_warehouse_id_foreign" foreign key ("to_warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "stock_transfer_line" add constraint "stock_transfer_line_stock_transfer_id_foreign" foreign key ("stock_transfer_id") references "stock_transfer" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "stock_transfer_line" add constraint "stock_transfer_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "expense_register" add constraint "expense_register_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "expense_register" add constraint "expense_register_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "write_off" add constraint "write_off_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "write_off_line" add constraint "write_off_line_write_off_id_foreign" foreign key ("write_off_id") references "write_off" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "write_off_line" add constraint "write_off_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "stock_transfer_line" drop constraint "stock_transfer_line_stock_transfer_id_foreign";`);

    this.addSql(`alter table "write_off_line" drop constraint "write_off_line_write_off_id_foreign";`);

    this.addSql(`drop table if exists "stock_transfer" cascade;`);

    this.addSql(`drop table if exists "stock_transfer_line" cascade;`);

    this.addSql(`drop table if exists "expense_register" cascade;`);

    this.addSql(`drop table if exists "write_off" cascade;`);

    this.addSql(`drop table if exists "write_off_line" cascade;`);
  }

}
