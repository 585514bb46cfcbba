import { Migration } from '@mikro-orm/migrations';

export class Migration20261226090000_crm_contact_plans extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "contact_plan" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "client_id" uuid null, "segment_id" uuid null, "every_days" int not null, "activity_types" text[] not null, "active" boolean not null default true, constraint "contact_plan_pkey" primary key ("id"), constraint contact_plan_has_types check (cardinality(activity_types) > 0), constraint contact_plan_every_days_range check (every_days >= 1 and every_days <= 365), constraint contact_plan_one_target check ((client_id is null) <> (segment_id is null)));`);
    this.addSql(`create index "contact_plan_updated_at_index" on "contact_plan" ("updated_at");`);
    this.addSql(`alter table "contact_plan" add constraint "contact_plan_segment_unique" unique ("segment_id");`);
    this.addSql(`alter table "contact_plan" add constraint "contact_plan_client_unique" unique ("client_id");`);

    this.addSql(`alter table "contact_plan" add constraint "contact_plan_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contact_plan" add constraint "contact_plan_segment_id_foreign" foreign key ("segment_id") references "client_reference" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "contact_plan" cascade;`);
  }

}
