import { Migration } from '@mikro-orm/migrations';

export class Migration20261217090000_requisitions extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reorder_suggestion" ("id" uuid not null, "warehouse_id" uuid not null, "product_id" uuid not null, "supplier_id" uuid null, "min_quantity" numeric(18,3) not null, "max_quantity" numeric(18,3) not null, "available" numeric(18,3) not null, "on_order" numeric(18,3) not null, "requested" numeric(18,3) not null, "backordered" numeric(18,3) not null, "projected" numeric(18,3) not null, "quantity" numeric(18,3) not null, "computed_at" timestamptz not null, constraint "reorder_suggestion_pkey" primary key ("id"));`);
    this.addSql(`alter table "reorder_suggestion" add constraint "reorder_suggestion_warehouse_product_unique" unique ("warehouse_id", "product_id");`);

    this.addSql(`create table "reorder_rule" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "warehouse_id" uuid not null, "product_id" uuid not null, "min_quantity" numeric(18,3) not null, "max_quantity" numeric(18,3) not null, constraint "reorder_rule_pkey" primary key ("id"), constraint reorder_rule_min_not_above_max check (min_quantity <= max_quantity), constraint reorder_rule_min_nonnegative check (min_quantity >= 0));`);
    this.addSql(`create index "reorder_rule_updated_at_index" on "reorder_rule" ("updated_at");`);
    this.addSql(`create index "reorder_rule_product_id_index" on "reorder_rule" ("product_id");`);
    this.addSql(`alter table "reorder_rule" add constraint "reorder_rule_warehouse_product_unique" unique ("warehouse_id", "product_id");`);

    this.addSql(`create table "purchase_requisition" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "status" text check ("status" in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'PARTLY_ORDERED', 'ORDERED', 'CLOSED')) not null default 'DRAFT', "warehouse_id" uuid not null, "requested_by_id" uuid not null, "submitted_at" timestamptz null, "decided_by_id" uuid null, "decided_at" timestamptz null, "rejection_reason" text null, "comment" text null, constraint "purchase_requisition_pkey" primary key ("id"));`);
    this.addSql(`create index "purchase_requisition_updated_at_index" on "purchase_requisition" ("updated_at");`);
    this.addSql(`alter table "purchase_requisition" add constraint "purchase_requisition_number_unique" unique ("number");`);
    this.addSql(`create index "purchase_requisition_warehouse_id_index" on "purchase_requisition" ("warehouse_id");`);
    this.addSql(`create index "purchase_requisition_status_index" on "purchase_requisition" ("status");`);
    this.addSql(`create index "purchase_requisition_requested_by_id_date_index" on "purchase_requisition" ("requested_by_id", "date");`);

    this.addSql(`create table "purchase_requisition_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "line_no" int not null, "requisition_id" uuid not null, "product_id" uuid not null, "quantity" numeric(18,3) not null, "needed_by" date null, "comment" text null, constraint "purchase_requisition_line_pkey" primary key ("id"), constraint purchase_requisition_line_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "purchase_requisition_line_updated_at_index" on "purchase_requisition_line" ("updated_at");`);
    this.addSql(`create index "purchase_requisition_line_product_id_index" on "purchase_requisition_line" ("product_id");`);
    this.addSql(`alter table "purchase_requisition_line" add constraint "purchase_requisition_line_no_unique" unique ("requisition_id", "line_no");`);

    this.addSql(`create table "requisition_line_order" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "requisition_line_id" uuid not null, "purchase_order_id" uuid not null, "purchase_order_line_id" uuid not null, "quantity" numeric(18,3) not null, constraint "requisition_line_order_pkey" primary key ("id"), constraint requisition_line_order_quantity_positive check (quantity > 0));`);
    this.addSql(`create index "requisition_line_order_updated_at_index" on "requisition_line_order" ("updated_at");`);
    this.addSql(`create index "requisition_line_order_purchase_order_line_id_index" on "requisition_line_order" ("purchase_order_line_id");`);
    this.addSql(`alter table "requisition_line_order" add constraint "requisition_line_order_unique" unique ("requisition_line_id", "purchase_order_line_id");`);

    this.addSql(`alter table "reorder_rule" add constraint "reorder_rule_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reorder_rule" add constraint "reorder_rule_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "purchase_requisition" add constraint "purchase_requisition_warehouse_id_foreign" foreign key ("warehouse_id") references "warehouse" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_requisition" add constraint "purchase_requisition_requested_by_id_foreign" foreign key ("requested_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "purchase_requisition" add constraint "purchase_requisition_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "purchase_requisition_line" add constraint "purchase_requisition_line_requisition_id_foreign" foreign key ("requisition_id") references "purchase_requisition" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "purchase_requisition_line" add constraint "purchase_requisition_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "requisition_line_order" add constraint "requisition_line_order_requisition_line_id_foreign" foreign key ("requisition_line_id") references "purchase_requisition_line" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "purchase_requisition_line" drop constraint "purchase_requisition_line_requisition_id_foreign";`);

    this.addSql(`alter table "requisition_line_order" drop constraint "requisition_line_order_requisition_line_id_foreign";`);

    this.addSql(`drop table if exists "reorder_suggestion" cascade;`);

    this.addSql(`drop table if exists "reorder_rule" cascade;`);

    this.addSql(`drop table if exists "purchase_requisition" cascade;`);

    this.addSql(`drop table if exists "purchase_requisition_line" cascade;`);

    this.addSql(`drop table if exists "requisition_line_order" cascade;`);
  }

}
