import { Migration } from '@mikro-orm/migrations';

export class Migration20261227090000_client_search extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "counterparty_phone_key_trgm" on "counterparty" using gin ("phone_key" gin_trgm_ops);`);
    this.addSql(`create index "counterparty_inn_trgm" on "counterparty" using gin ("inn" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "counterparty_phone_key_trgm";`);
    this.addSql(`drop index "counterparty_inn_trgm";`);
  }

}
