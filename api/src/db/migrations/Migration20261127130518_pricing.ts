import { Migration } from '@mikro-orm/migrations';

export class Migration20261127130518_pricing extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "discount_rule" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" text not null, "kind" text check ("kind" in ('ORDER_AMOUNT_TIER', 'CLIENT_SEGMENT', 'PRODUCT_GROUP', 'QUANTITY_BREAK', 'PURCHASE_HISTORY', 'PROMO_CODE')) not null, "active_from" date not null, "active_to" date null, "priority" int not null default 100, "stacking" text check ("stacking" in ('EXCLUSIVE', 'COMBINABLE')) not null default 'COMBINABLE', "percent" numeric(7,4) null, "cap_percent" numeric(7,4) null, "conditions" jsonb not null, "active" boolean not null default true, constraint "discount_rule_pkey" primary key ("id"), constraint discount_rule_percent_range check ((percent is null or (percent >= 0 and percent <= 100)) and (cap_percent is null or (cap_percent >= 0 and cap_percent <= 100))), constraint discount_rule_period check (active_to is null or active_to >= active_from));`);
    this.addSql(`create index "discount_rule_updated_at_index" on "discount_rule" ("updated_at");`);

    this.addSql(`create table "document_sequence" ("prefix" text not null, "year" int not null, "last" int not null, constraint "document_sequence_pkey" primary key ("prefix", "year"));`);

    this.addSql(`create table "price_type" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" text not null, "name" text not null, "vat_included" boolean not null default true, "rounding" text check ("rounding" in ('KOPECK', 'ROUBLE', 'TEN_ROUBLES')) not null default 'KOPECK', "derivation" text check ("derivation" in ('NONE', 'FROM_PRICE_TYPE', 'FROM_COST')) not null default 'NONE', "base_price_type_id" uuid null, "adjustment_percent" numeric(9,4) null, "is_default" boolean not null default false, "active" boolean not null default true, constraint "price_type_pkey" primary key ("id"), constraint price_type_adjustment check ((derivation = 'NONE') = (adjustment_percent is null) and (adjustment_percent is null or adjustment_percent > -100)), constraint price_type_derivation_base check ((derivation = 'FROM_PRICE_TYPE') = (base_price_type_id is not null)));`);
    this.addSql(`create index "price_type_updated_at_index" on "price_type" ("updated_at");`);
    this.addSql(`alter table "price_type" add constraint "price_type_code_unique" unique ("code");`);
    this.addSql(`create unique index "price_type_single_default" on "price_type" ("is_default") where "is_default";`);

    this.addSql(`create table "price_list" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "number" text not null, "date" date not null, "price_type_id" uuid not null, "group_id" uuid null, "status" text check ("status" in ('DRAFT', 'POSTED', 'CANCELLED')) not null default 'DRAFT', "posted_at" timestamptz null, "source" text check ("source" in ('MANUAL', 'REPRICE', 'IMPORT', 'DERIVED')) not null default 'MANUAL', "base_price_list_id" uuid null, "comment" text null, constraint "price_list_pkey" primary key ("id"));`);
    this.addSql(`create index "price_list_updated_at_index" on "price_list" ("updated_at");`);
    this.addSql(`alter table "price_list" add constraint "price_list_number_unique" unique ("number");`);
    this.addSql(`create index "price_list_base_price_list_id_index" on "price_list" ("base_price_list_id");`);
    this.addSql(`create index "price_list_price_type_id_date_index" on "price_list" ("price_type_id", "date");`);

    this.addSql(`create table "price_register" ("id" uuid not null, "product_id" uuid not null, "price_type_id" uuid not null, "valid_from" date not null, "price" numeric(19,4) not null, "recorder_id" uuid not null, "recorder_line" int not null, "posted_at" timestamptz not null, constraint "price_register_pkey" primary key ("id"), constraint price_register_price_nonnegative check (price >= 0));`);
    this.addSql(`create index "price_register_recorder" on "price_register" ("recorder_id");`);
    this.addSql(`create index "price_register_lookup" on "price_register" ("product_id", "price_type_id", "valid_from", "posted_at");`);

    this.addSql(`create table "price_list_line" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "price_list_id" uuid not null, "line_no" int not null, "product_id" uuid not null, "price" numeric(19,4) not null, constraint "price_list_line_pkey" primary key ("id"), constraint price_list_line_price_nonnegative check (price >= 0));`);
    this.addSql(`create index "price_list_line_updated_at_index" on "price_list_line" ("updated_at");`);
    this.addSql(`create index "price_list_line_product_id_index" on "price_list_line" ("product_id");`);
    this.addSql(`alter table "price_list_line" add constraint "price_list_line_product_unique" unique ("price_list_id", "product_id");`);

    this.addSql(`alter table "price_type" add constraint "price_type_base_price_type_id_foreign" foreign key ("base_price_type_id") references "price_type" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "price_list" add constraint "price_list_price_type_id_foreign" foreign key ("price_type_id") references "price_type" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "price_list" add constraint "price_list_group_id_foreign" foreign key ("group_id") references "product_group" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "price_list" add constraint "price_list_base_price_list_id_foreign" foreign key ("base_price_list_id") references "price_list" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "price_register" add constraint "price_register_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "price_register" add constraint "price_register_price_type_id_foreign" foreign key ("price_type_id") references "price_type" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "price_list_line" add constraint "price_list_line_price_list_id_foreign" foreign key ("price_list_id") references "price_list" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "price_list_line" add constraint "price_list_line_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "counterparty" add column "price_type_id" uuid null;`);
    this.addSql(`alter table "counterparty" add constraint "counterparty_price_type_id_foreign" foreign key ("price_type_id") references "price_type" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "price_type" drop constraint "price_type_base_price_type_id_foreign";`);

    this.addSql(`alter table "price_list" drop constraint "price_list_price_type_id_foreign";`);

    this.addSql(`alter table "price_register" drop constraint "price_register_price_type_id_foreign";`);

    this.addSql(`alter table "counterparty" drop constraint "counterparty_price_type_id_foreign";`);

    this.addSql(`alter table "price_list" drop constraint "price_list_base_price_list_id_foreign";`);

    this.addSql(`alter table "price_list_line" drop constraint "price_list_line_price_list_id_foreign";`);

    this.addSql(`drop table if exists "discount_rule" cascade;`);

    this.addSql(`drop table if exists "document_sequence" cascade;`);

    this.addSql(`drop table if exists "price_type" cascade;`);

    this.addSql(`drop table if exists "price_list" cascade;`);

    this.addSql(`drop table if exists "price_register" cascade;`);

    this.addSql(`drop table if exists "price_list_line" cascade;`);

    this.addSql(`alter table "counterparty" drop column "price_type_id";`);
  }

}
