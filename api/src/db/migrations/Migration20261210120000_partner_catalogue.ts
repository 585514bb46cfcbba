import { Migration } from '@mikro-orm/migrations';

/** The partner catalogue: which warehouses partners may order from (none until someone says so). */
export class Migration20261210120000_partner_catalogue extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "warehouse" add column "partner_shipping" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "warehouse" drop column "partner_shipping";`);
  }

}
