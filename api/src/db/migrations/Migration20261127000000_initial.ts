import { Migration } from '@mikro-orm/migrations';

export class Migration20261127000000_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    // failed logins per email and per IP (rate-limiter-flexible's table)
    this.addSql(`create table "login_attempt" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);
    this.addSql(`create table "app_setting" ("key" text not null, "value" text not null, constraint "app_setting_pkey" primary key ("key"));`);

    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null, "user_id" uuid null, "entity" text not null, "entity_id" text not null, "action" text check ("action" in ('CREATE', 'UPDATE', 'DELETE')) not null, "changes" jsonb not null, "request_id" text null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_user_id_index" on "audit_entry" ("user_id");`);
    this.addSql(`create index "audit_entry_entity_entity_id_index" on "audit_entry" ("entity", "entity_id");`);

    this.addSql(`create table "product_group" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" text not null, "parent_id" uuid null, constraint "product_group_pkey" primary key ("id"));`);
    this.addSql(`create index "product_group_updated_at_index" on "product_group" ("updated_at");`);
    this.addSql(`create index "product_group_parent_id_index" on "product_group" ("parent_id");`);
    this.addSql(`create unique index "product_group_parent_name_unique" on "product_group" (coalesce("parent_id", '00000000-0000-0000-0000-000000000000'::uuid), lower("name"));`);

    this.addSql(`create table "unit" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" text not null, "name" text not null, "okei_code" text null, "precision" smallint not null default 0, constraint "unit_pkey" primary key ("id"));`);
    this.addSql(`create index "unit_updated_at_index" on "unit" ("updated_at");`);
    this.addSql(`alter table "unit" add constraint "unit_code_unique" unique ("code");`);

    this.addSql(`create table "product" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "sku" text not null, "name" text not null, "description" text null, "kind" text check ("kind" in ('GOODS', 'SERVICE')) not null default 'GOODS', "unit_id" uuid not null, "group_id" uuid null, "vat_rate" numeric(5,2) not null default 22, "barcode" text null, "weight" numeric(18,3) null, "active" boolean not null default true, constraint "product_pkey" primary key ("id"), constraint product_weight_nonnegative check (weight is null or weight >= 0), constraint product_vat_rate_range check (vat_rate >= 0 and vat_rate < 100));`);
    this.addSql(`create index "product_updated_at_index" on "product" ("updated_at");`);
    this.addSql(`alter table "product" add constraint "product_sku_unique" unique ("sku");`);
    this.addSql(`create index "product_group_id_index" on "product" ("group_id");`);
    this.addSql(`alter table "product" add constraint "product_barcode_unique" unique ("barcode");`);
    this.addSql(`create index "product_sku_trgm" on "product" using gin ("sku" gin_trgm_ops);`);
    this.addSql(`create index "product_name_trgm" on "product" using gin ("name" gin_trgm_ops);`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "email" text not null, "name" text not null, "password_hash" text not null, "has_demo_password" boolean not null default false, "roles" text[] not null, "active" boolean not null default true, "team" text null, "counterparty_id" uuid null, "last_login_at" timestamptz null, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`create index "app_user_updated_at_index" on "app_user" ("updated_at");`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(`create table "counterparty" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "kind" text check ("kind" in ('COMPANY', 'PERSON')) not null default 'COMPANY', "roles" text[] not null, "name" text not null, "full_name" text null, "inn" text null, "kpp" text null, "legal_address" text null, "actual_address" text null, "phone" text null, "email" text null, "bank_bank_name" text null, "bank_bik" text null, "bank_account" text null, "bank_correspondent_account" text null, "owner_id" uuid null, "comment" text null, "active" boolean not null default true, constraint "counterparty_pkey" primary key ("id"), constraint counterparty_has_role check (cardinality(roles) > 0));`);
    this.addSql(`create index "counterparty_updated_at_index" on "counterparty" ("updated_at");`);
    this.addSql(`create index "counterparty_owner_id_index" on "counterparty" ("owner_id");`);
    this.addSql(`create index "counterparty_inn_index" on "counterparty" ("inn");`);
    this.addSql(`create index "counterparty_full_name_trgm" on "counterparty" using gin ("full_name" gin_trgm_ops);`);
    this.addSql(`create index "counterparty_name_trgm" on "counterparty" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create unique index "counterparty_inn_kpp_unique" on "counterparty" ("inn", coalesce("kpp", '')) where "inn" is not null;`);

    this.addSql(`create table "counterparty_team_member" ("counterparty_id" uuid not null, "user_id" uuid not null, constraint "counterparty_team_member_pkey" primary key ("counterparty_id", "user_id"));`);
    this.addSql(`create index "counterparty_team_member_user_id_index" on "counterparty_team_member" ("user_id");`);

    this.addSql(`create table "warehouse" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "code" text not null, "name" text not null, "address" text null, "allows_negative_stock" boolean not null default false, "active" boolean not null default true, constraint "warehouse_pkey" primary key ("id"));`);
    this.addSql(`create index "warehouse_updated_at_index" on "warehouse" ("updated_at");`);
    this.addSql(`alter table "warehouse" add constraint "warehouse_code_unique" unique ("code");`);

    this.addSql(`alter table "product_group" add constraint "product_group_parent_id_foreign" foreign key ("parent_id") references "product_group" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "product" add constraint "product_unit_id_foreign" foreign key ("unit_id") references "unit" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "product" add constraint "product_group_id_foreign" foreign key ("group_id") references "product_group" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_user" add constraint "app_user_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "counterparty" add constraint "counterparty_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "counterparty_team_member" add constraint "counterparty_team_member_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "counterparty_team_member" add constraint "counterparty_team_member_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

}
