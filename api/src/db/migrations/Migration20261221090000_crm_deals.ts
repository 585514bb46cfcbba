import { Migration } from '@mikro-orm/migrations';

export class Migration20261221090000_crm_deals extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "deal_stage" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" text not null, "position" int not null, "probability" int not null, "kind" text check ("kind" in ('OPEN', 'WON', 'LOST')) not null, "active" boolean not null default true, constraint "deal_stage_pkey" primary key ("id"), constraint deal_stage_probability_range check (probability >= 0 and probability <= 100));`);
    this.addSql(`create index "deal_stage_updated_at_index" on "deal_stage" ("updated_at");`);
    this.addSql(`create unique index "deal_stage_name_unique" on "deal_stage" (lower("name"));`);

    this.addSql(`create table "deal" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "client_id" uuid not null, "title" text not null, "stage_id" uuid not null, "amount" numeric(19,4) not null, "expected_close_date" date null, "owner_id" uuid not null, "lost_reason" text null, "closed_at" timestamptz null, "order_id" uuid null, constraint "deal_pkey" primary key ("id"), constraint deal_amount_nonnegative check (amount >= 0));`);
    this.addSql(`create index "deal_updated_at_index" on "deal" ("updated_at");`);
    this.addSql(`create index "deal_client_id_index" on "deal" ("client_id");`);
    this.addSql(`create index "deal_stage_id_index" on "deal" ("stage_id");`);
    this.addSql(`create index "deal_expected_close_date_index" on "deal" ("expected_close_date");`);
    this.addSql(`create index "deal_owner_id_index" on "deal" ("owner_id");`);

    this.addSql(`create table "deal_stage_change" ("id" uuid not null, "deal_id" uuid not null, "from_stage_id" uuid null, "to_stage_id" uuid not null, "changed_by_id" uuid not null, "changed_at" timestamptz not null, constraint "deal_stage_change_pkey" primary key ("id"));`);
    this.addSql(`create index "deal_stage_change_deal_id_index" on "deal_stage_change" ("deal_id");`);

    this.addSql(`alter table "deal" add constraint "deal_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deal" add constraint "deal_stage_id_foreign" foreign key ("stage_id") references "deal_stage" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "deal" add constraint "deal_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "deal" add constraint "deal_order_id_foreign" foreign key ("order_id") references "customer_order" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "deal_stage_change" add constraint "deal_stage_change_deal_id_foreign" foreign key ("deal_id") references "deal" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "deal_stage_change" add constraint "deal_stage_change_from_stage_id_foreign" foreign key ("from_stage_id") references "deal_stage" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "deal_stage_change" add constraint "deal_stage_change_to_stage_id_foreign" foreign key ("to_stage_id") references "deal_stage" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "deal_stage_change" add constraint "deal_stage_change_changed_by_id_foreign" foreign key ("changed_by_id") references "app_user" ("id") on update cascade on delete restrict;`);

    // a default pipeline a head of sales renames, reorders and extends
    this.addSql(`insert into "deal_stage" ("id", "created_at", "updated_at", "name", "position", "probability", "kind") values
      (gen_random_uuid(), now(), now(), 'Qualification', 10, 10, 'OPEN'),
      (gen_random_uuid(), now(), now(), 'Proposal', 20, 30, 'OPEN'),
      (gen_random_uuid(), now(), now(), 'Negotiation', 30, 60, 'OPEN'),
      (gen_random_uuid(), now(), now(), 'Won', 40, 100, 'WON'),
      (gen_random_uuid(), now(), now(), 'Lost', 50, 0, 'LOST');`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "deal" drop constraint "deal_stage_id_foreign";`);

    this.addSql(`alter table "deal_stage_change" drop constraint "deal_stage_change_from_stage_id_foreign";`);

    this.addSql(`alter table "deal_stage_change" drop constraint "deal_stage_change_to_stage_id_foreign";`);

    this.addSql(`alter table "deal_stage_change" drop constraint "deal_stage_change_deal_id_foreign";`);

    this.addSql(`drop table if exists "deal_stage" cascade;`);

    this.addSql(`drop table if exists "deal" cascade;`);

    this.addSql(`drop table if exists "deal_stage_change" cascade;`);
  }

}
