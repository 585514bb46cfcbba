import { Migration } from '@mikro-orm/migrations';

export class Migration20261219090000_crm_clients extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "client_reference" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "kind" text check ("kind" in ('REGION', 'INDUSTRY', 'SEGMENT', 'LEAD_SOURCE')) not null, "name" text not null, "default_price_type_id" uuid null, "active" boolean not null default true, constraint "client_reference_pkey" primary key ("id"));`);
    this.addSql(`create index "client_reference_updated_at_index" on "client_reference" ("updated_at");`);
    this.addSql(`create unique index "client_reference_name_unique" on "client_reference" ("kind", lower("name"));`);

    this.addSql(`create table "contact_person" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "counterparty_id" uuid not null, "name" text not null, "position" text null, "birthday" date null, "notes" text null, "active" boolean not null default true, constraint "contact_person_pkey" primary key ("id"));`);
    this.addSql(`create index "contact_person_updated_at_index" on "contact_person" ("updated_at");`);
    this.addSql(`create index "contact_person_counterparty_id_index" on "contact_person" ("counterparty_id");`);

    this.addSql(`create table "contact_channel" ("id" uuid not null, "contact_id" uuid not null, "type" text check ("type" in ('PHONE', 'MOBILE', 'EMAIL', 'TELEGRAM', 'WHATSAPP', 'OTHER')) not null, "value" text not null, "primary" boolean not null default false, "position" int not null, constraint "contact_channel_pkey" primary key ("id"));`);
    this.addSql(`create index "contact_channel_contact_id_index" on "contact_channel" ("contact_id");`);
    this.addSql(`create index "contact_channel_value_index" on "contact_channel" ("value");`);

    this.addSql(`create table "client_note" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "counterparty_id" uuid not null, "author_id" uuid not null, "text" text not null, constraint "client_note_pkey" primary key ("id"));`);
    this.addSql(`create index "client_note_updated_at_index" on "client_note" ("updated_at");`);
    this.addSql(`create index "client_note_counterparty_id_index" on "client_note" ("counterparty_id");`);

    this.addSql(`alter table "client_reference" add constraint "client_reference_default_price_type_id_foreign" foreign key ("default_price_type_id") references "price_type" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "contact_person" add constraint "contact_person_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "contact_channel" add constraint "contact_channel_contact_id_foreign" foreign key ("contact_id") references "contact_person" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "client_note" add constraint "client_note_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "client_note" add constraint "client_note_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "counterparty" add column "status" text check ("status" in ('LEAD', 'PROSPECT', 'CUSTOMER', 'LOST')) not null default 'LEAD', add column "lost_reason" text null, add column "region_id" uuid null, add column "industry_id" uuid null, add column "segment_id" uuid null, add column "lead_source_id" uuid null, add column "tags" text[] not null default '{}', add column "website" text null, add column "phone_key" text null, add column "email_key" text null;`);
    this.addSql(`alter table "counterparty" add constraint "counterparty_region_id_foreign" foreign key ("region_id") references "client_reference" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "counterparty" add constraint "counterparty_industry_id_foreign" foreign key ("industry_id") references "client_reference" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "counterparty" add constraint "counterparty_segment_id_foreign" foreign key ("segment_id") references "client_reference" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "counterparty" add constraint "counterparty_lead_source_id_foreign" foreign key ("lead_source_id") references "client_reference" ("id") on update cascade on delete restrict;`);
    this.addSql(`create index "counterparty_region_id_index" on "counterparty" ("region_id");`);
    this.addSql(`create index "counterparty_industry_id_index" on "counterparty" ("industry_id");`);
    this.addSql(`create index "counterparty_segment_id_index" on "counterparty" ("segment_id");`);
    this.addSql(`create index "counterparty_lead_source_id_index" on "counterparty" ("lead_source_id");`);
    this.addSql(`create index "counterparty_tags_index" on "counterparty" using gin ("tags");`);
    this.addSql(`create index "counterparty_email_key_index" on "counterparty" ("email_key");`);
    this.addSql(`create index "counterparty_phone_key_index" on "counterparty" ("phone_key");`);
    this.addSql(`alter table "counterparty" add constraint counterparty_lost_reason check(status <> 'LOST' or lost_reason is not null);`);
    // the counterparties there are already buy from us or sell to us
    this.addSql(`update "counterparty" set "status" = 'CUSTOMER', "email_key" = nullif(lower(trim("email")), '');`);
  }


  override async down(): Promise<void> {
    this.addSql(`alter table "counterparty" drop constraint "counterparty_region_id_foreign";`);

    this.addSql(`alter table "counterparty" drop constraint "counterparty_industry_id_foreign";`);

    this.addSql(`alter table "counterparty" drop constraint "counterparty_segment_id_foreign";`);

    this.addSql(`alter table "counterparty" drop constraint "counterparty_lead_source_id_foreign";`);

    this.addSql(`alter table "contact_channel" drop constraint "contact_channel_contact_id_foreign";`);

    this.addSql(`drop table if exists "client_reference" cascade;`);

    this.addSql(`drop table if exists "contact_person" cascade;`);

    this.addSql(`drop table if exists "contact_channel" cascade;`);

    this.addSql(`drop table if exists "client_note" cascade;`);

    this.addSql(`drop index "counterparty_region_id_index";`);
    this.addSql(`drop index "counterparty_industry_id_index";`);
    this.addSql(`drop index "counterparty_segment_id_index";`);
    this.addSql(`drop index "counterparty_lead_source_id_index";`);
    this.addSql(`drop index "counterparty_tags_index";`);
    this.addSql(`drop index "counterparty_email_key_index";`);
    this.addSql(`drop index "counterparty_phone_key_index";`);
    this.addSql(`alter table "counterparty" drop constraint counterparty_lost_reason;`);
    this.addSql(`alter table "counterparty" drop column "status", drop column "lost_reason", drop column "region_id", drop column "industry_id", drop column "segment_id", drop column "lead_source_id", drop column "tags", drop column "website", drop column "phone_key", drop column "email_key";`);
  }

}
