import { Migration } from '@mikro-orm/migrations';

export class Migration20261225090000_crm_timeline extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "timeline_entry" ("id" uuid not null, "event_id" bigint not null, "client_id" uuid not null, "kind" text check ("kind" in ('NOTE', 'STATUS', 'ACTIVITY', 'DEAL', 'ORDER', 'SHIPMENT', 'RETURN', 'INVOICE', 'PAYMENT', 'DOCUMENT')) not null, "action" text not null, "title" text not null, "detail" text null, "amount" numeric(19,4) null, "subject_type" text not null, "subject_id" uuid not null, "subject_number" text null, "actor_id" uuid null, "occurred_at" timestamptz not null, "cost_data" boolean not null default false, "payload" jsonb not null, constraint "timeline_entry_pkey" primary key ("id"));`);
    this.addSql(`alter table "timeline_entry" add constraint "timeline_entry_event_unique" unique ("event_id");`);
    this.addSql(`create index "timeline_entry_client_occurred_index" on "timeline_entry" ("client_id", "occurred_at");`);

    this.addSql(`alter table "timeline_entry" add constraint "timeline_entry_client_id_foreign" foreign key ("client_id") references "counterparty" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "timeline_entry" add constraint "timeline_entry_actor_id_foreign" foreign key ("actor_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "timeline_entry" cascade;`);
  }

}
