import { Migration } from '@mikro-orm/migrations';

export class Migration20261228090000_timeline_owner extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "timeline_entry" drop constraint if exists "timeline_entry_kind_check";`);
    this.addSql(`alter table "timeline_entry" add constraint "timeline_entry_kind_check" check("kind" in ('NOTE', 'STATUS', 'OWNER', 'ACTIVITY', 'DEAL', 'ORDER', 'SHIPMENT', 'RETURN', 'INVOICE', 'PAYMENT', 'DOCUMENT'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "timeline_entry" where "kind" = 'OWNER';`);
    this.addSql(`alter table "timeline_entry" drop constraint if exists "timeline_entry_kind_check";`);
    this.addSql(`alter table "timeline_entry" add constraint "timeline_entry_kind_check" check("kind" in ('NOTE', 'STATUS', 'ACTIVITY', 'DEAL', 'ORDER', 'SHIPMENT', 'RETURN', 'INVOICE', 'PAYMENT', 'DOCUMENT'));`);
  }

}
