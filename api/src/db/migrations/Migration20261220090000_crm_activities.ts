import { Migration } from '@mikro-orm/migrations';

export class Migration20261220090000_crm_activities extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "activity" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "type" text check ("type" in ('CALL', 'MEETING', 'TASK', 'EMAIL')) not null, "subject" text not null, "client_id" uuid not null, "contact_id" uuid null, "assignee_id" uuid not null, "author_id" uuid not null, "due_at" timestamptz not null, "duration_minutes" int null, "location" text null, "status" text check ("status" in ('PLANNED', 'DONE', 'CANCELLED')) not null default 'PLANNED', "result" text null, "completed_at" timestamptz null, "reminder_offset_minutes" int null, constraint "activity_pkey" primary key ("id"), constraint activity_completed_when_done check ((status = 'DONE') = (completed_at is not null)), constraint activity_reminder_offset_range check (reminder_offset_minutes is null or reminder_offset_minutes >= 0), constraint activity_duration_range check (duration_minutes is null or (duration_minutes >= 0 and duration_minutes <= 1440)));`);
    this.addSql(`create index "activity_updated_at_index" on "activity" ("updated_at");`);
    this.addSql(`create index "activity_contact_id_index" on "activity" ("contact_id");`);
    this.addSql(`create index "activity_author_id_index" on "activity" ("author_id");`);
    this.addSql(`create index "activity_client_due_index" on "activity" ("client_id", "due_at");`);
    this.addSql(`create index "activity_assignee_due_index" on "activity" ("assignee_id", "due_at");`);

    this.addSql(`alter table "activity" add constraint "activity_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity" add constraint "activity_contact_id_foreign" foreign key ("contact_id") references "contact_person" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "activity" add constraint "activity_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete restrict;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "activity" cascade;`);
  }

}
