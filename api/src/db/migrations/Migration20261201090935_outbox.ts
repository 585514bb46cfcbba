import { Migration } from '@mikro-orm/migrations';

export class Migration20261201090935_outbox extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "outbox_event" ("id" bigserial primary key, "topic" text not null, "aggregate" text null, "payload" jsonb not null, "created_at" timestamptz not null default now(), "seq" bigint null, "dispatched_at" timestamptz null);`);
    this.addSql(`alter table "outbox_event" add constraint "outbox_event_seq_unique" unique ("seq");`);
    this.addSql(`create index "outbox_event_dispatched_at_index" on "outbox_event" ("dispatched_at");`);
    this.addSql(`create index "outbox_event_pending_index" on "outbox_event" ("id") where "seq" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "outbox_event" cascade;`);
  }

}
