import { Migration } from '@mikro-orm/migrations';

export class Migration20261201130900_api_keys extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" text not null, "counterparty_id" uuid not null, "secret_hash" bytea not null, "created_by_id" uuid null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, "revoked_by_id" uuid null, constraint "api_key_pkey" primary key ("id"), constraint api_key_name_length check (btrim(name) <> '' and char_length(name) <= 100), constraint api_key_secret_hash_sha256 check (octet_length(secret_hash) = 32));`);
    this.addSql(`create index "api_key_updated_at_index" on "api_key" ("updated_at");`);
    this.addSql(`create index "api_key_counterparty_id_index" on "api_key" ("counterparty_id");`);

    this.addSql(`alter table "api_key" add constraint "api_key_counterparty_id_foreign" foreign key ("counterparty_id") references "counterparty" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "api_key" add constraint "api_key_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "api_key" add constraint "api_key_revoked_by_id_foreign" foreign key ("revoked_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_key" cascade;`);
  }

}
