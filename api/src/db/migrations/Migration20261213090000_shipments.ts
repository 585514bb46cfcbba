import { Migration } from '@mikro-orm/migrations';

export class Migration20261213090000_shipments extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "shipment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "client_id" uuid not null, "warehouse_id" uuid not null, "order_id" uuid null, "manager_id" uuid null, "contract_id" uuid null, "payment_terms_days" int not null default 0, "amount" numeric(19,4) not null default 0, "vat" numeric(19,4) not null default 0, "total" numeric(19,4) not null default 0, constraint "shipment_pkey" primary key ("id"));`);
    this.addSql(`create index "shipment_updated_at_index" on "shipment" ("updated_at");`);
    this.addSql(`alter table "shipment" add constraint "shipment_number_unique" unique ("number");`);
    this.addSql(`create index "shipment_date_index" on "shipment" ("date");`);
    this.addSql(`create index "shipment_order_id_index" on "shipment" ("order_id");`);
    this.addSql(`create index "shipment_client_id_date_index" on "shipment" ("client_id", "date");`);
    this.addSql(`create index "shipment_number_trgm" on "shipment" using gin ("number" gin_trgm_ops);`);

    this.addSql(`create table "shipment_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, "shipment_id" uuid not null, "order_line_id" uuid null, "unit_price" numeric(19,4) not null, "amount" numeric(19,4) not null, "vat_rate" numeric(5,2) not null, "vat" numeric(19,4) not null, "total" numeric(19,4) not null, "discount" numeric(19,4) not null default 0, constraint "shipment_line_pkey" primary key ("id"), constraint shipment_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "shipment_line_updated_at_index" on "shipment_line" ("updated_at");`);
    this.addSql(`create index "shipment_line_product_id_index" on "shipment_line" ("product_id");`);
    this.addSql(`create index "shipment_line_order_line_id_index" on "shipment_line" ("order_line_id");`);
    this.addSql(`alter table "shipment_line" add constraint "shipment_line_no_unique" unique ("shipment_id", "line_no");`);

    this.addSql(`create table "customer_return" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "comment" text null, "shipment_id" uuid not null, "client_id" uuid not null, "warehouse_id" uuid not null, "reason" text not null, "write_off_id" uuid null, "amount" numeric(19,4) not null default 0, "vat" numeric(19,4) not null default 0, "total" numeric(19,4) not null default 0, constraint "customer_return_pkey" primary key ("id"));`);
    this.addSql(`create index "customer_return_updated_at_index" on "customer_return" ("updated_at");`);
    this.addSql(`alter table "customer_return" add constraint "customer_return_number_unique" unique ("number");`);
    this.addSql(`create index "customer_return_date_index" on "customer_return" ("date");`);
    this.addSql(`create index "customer_return_shipment_id_index" on "customer_return" ("shipment_id");`);
    this.addSql(`create index "customer_return_client_id_date_index" on "customer_return" ("client_id", "date");`);
    this.addSql(`create index "customer_return_number_trgm" on "customer_return" using gin ("number" gin_trgm_ops);`);

    this.addSql(`create table "customer_return_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, "customer_return_id" uuid not null, "shipment_line_no" int not null, "condition" text check ("condition" in ('RESALEABLE', 'DEFECTIVE')) not null, "amount" numeric(19,4) not null, "vat" numeric(19,4) not null, "total" numeric(19,4) not null, "discount" numeric(19,4) not null default 0, constraint "customer_return_line_pkey" primary key ("id"), constraint customer_return_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "customer_return_line_updated_at_index" on "customer_return_line" ("updated_at");`);
    this.addSql(`create index "customer_return_line_product_id_index" on "customer_return_line" ("product_id");`);
    this.addSql(`alter table "customer_return_line" add constraint "customer_return_line_no_unique" unique ("customer_return_id", "line_no");`);

    this.addSql(`alter table "shipment" add constraint "shipment_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "shipment" add constraint "shipment_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "shipment" add constraint "shipment_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "shipment_line" add constraint "shipment_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "shipment_line" add constraint "shipment_line_shipment_id_foreign" foreign key ("shipment_id") references "shipment" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "customer_return" add constraint "customer_return_shipment_id_foreign" foreign key ("shipment_id") references "shipment" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "customer_return" add constraint "customer_return_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "customer_return" add constraint "customer_return_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "customer_return_line" add constraint "customer_return_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "customer_return_line" add constraint "customer_return_line_customer_return_id_foreign" foreign key ("customer_return_id") references "customer_return" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "shipment_line" drop constraint "shipment_line_shipment_id_foreign";`);

    this.addSql(`alter table "customer_return" drop constraint "customer_return_shipment_id_foreign";`);

    this.addSql(`alter table "customer_return_line" drop constraint "customer_return_line_customer_return_id_foreign";`);

    this.addSql(`drop table if exists "shipment" cascade;`);

    this.addSql(`drop table if exists "shipment_line" cascade;`);

    this.addSql(`drop table if exists "customer_return" cascade;`);

    this.addSql(`drop table if exists "customer_return_line" cascade;`);
  }

}
