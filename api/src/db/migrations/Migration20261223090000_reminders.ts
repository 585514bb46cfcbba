import { Migration } from '@mikro-orm/migrations';

export class Migration20261223090000_reminders extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "reminder" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "user_id" uuid not null, "title" text not null, "remind_at" timestamptz not null, "status" text check ("status" in ('PENDING', 'DUE', 'READ')) not null default 'PENDING', "activity_id" uuid null, "delivered_at" timestamptz null, "read_at" timestamptz null, constraint "reminder_pkey" primary key ("id"));`);
    this.addSql(`create index "reminder_updated_at_index" on "reminder" ("updated_at");`);
    this.addSql(`create index "reminder_activity_id_index" on "reminder" ("activity_id");`);
    this.addSql(`create index "reminder_user_id_status_remind_at_index" on "reminder" ("user_id", "status", "remind_at");`);

    this.addSql(`alter table "reminder" add constraint "reminder_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "reminder" add constraint "reminder_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reminder" cascade;`);
  }

}
