import { Migration } from '@mikro-orm/migrations';

export class Migration20261224090000_crm_deputies extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "handover" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "from_user_id" uuid not null, "to_user_id" uuid not null, "reason" text not null, "moved" jsonb not null, constraint "handover_pkey" primary key ("id"));`);
    this.addSql(`create index "handover_updated_at_index" on "handover" ("updated_at");`);
    this.addSql(`create index "handover_from_user_id_index" on "handover" ("from_user_id");`);
    this.addSql(`create index "handover_to_user_id_index" on "handover" ("to_user_id");`);

    this.addSql(`create table "user_deputy" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "user_id" uuid not null, "deputy_id" uuid not null, "from_date" date not null, "to_date" date not null, "created_by_id" uuid not null, "ended_at" timestamptz null, constraint "user_deputy_pkey" primary key ("id"), constraint user_deputy_not_self check (user_id <> deputy_id), constraint user_deputy_period_order check (to_date >= from_date));`);
    this.addSql(`create index "user_deputy_updated_at_index" on "user_deputy" ("updated_at");`);
    this.addSql(`create index "user_deputy_user_id_index" on "user_deputy" ("user_id");`);
    this.addSql(`create index "user_deputy_deputy_period_index" on "user_deputy" ("deputy_id", "from_date", "to_date");`);

    this.addSql(`alter table "handover" add constraint "handover_from_user_id_foreign" foreign key ("from_user_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "handover" add constraint "handover_to_user_id_foreign" foreign key ("to_user_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "user_deputy" add constraint "user_deputy_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_deputy" add constraint "user_deputy_deputy_id_foreign" foreign key ("deputy_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "user_deputy" add constraint "user_deputy_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "handover" cascade;`);

    this.addSql(`drop table if exists "user_deputy" cascade;`);
  }

}
