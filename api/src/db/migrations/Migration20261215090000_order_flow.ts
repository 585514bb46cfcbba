import { Migration } from '@mikro-orm/migrations';

export class Migration20261215090000_order_flow extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "customer_order" add column "awaiting_prepayment" boolean not null default false, add column "prepaid_at" timestamptz null, add column "reservation_expires_at" timestamptz null;`);

    this.addSql(`create index "customer_order_line_backordered" on "customer_order_line" ("product_id") where "backordered" > 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "customer_order" drop column "awaiting_prepayment", drop column "prepaid_at", drop column "reservation_expires_at";`);

    this.addSql(`drop index "customer_order_line_backordered";`);
  }

}
