import { Migration } from '@mikro-orm/migrations';

/** The general ledger engine: recorder-first indexes on every register, the open-lots index, month closing balances, the price register's recorder type, number search, the stock balance CHECK with reservations. */
export class Migration20261201094204_ledger_engine extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "price_list_number_trgm" on "price_list" using gin ("number" gin_trgm_ops);`);

    this.addSql(`drop index "price_register_recorder";`);

    this.addSql(`alter table "price_register" add column "recorder_type" text not null default 'PriceList';`);
    this.addSql(`alter table "price_register" alter column "recorder_type" drop default;`);
    this.addSql(`create index "price_register_recorder" on "price_register" ("recorder_id", "recorder_type");`);

    this.addSql(`drop index "supplier_settlement_recorder_type_recorder_id_index";`);

    this.addSql(`create index "supplier_settlement_recorder_id_recorder_type_index" on "supplier_settlement" ("recorder_id", "recorder_type");`);

    this.addSql(`drop index "purchase_vat_book_recorder_type_recorder_id_index";`);

    this.addSql(`create index "purchase_vat_book_recorder_id_recorder_type_index" on "purchase_vat_book" ("recorder_id", "recorder_type");`);

    this.addSql(`create index "landed_cost_number_trgm" on "landed_cost" using gin ("number" gin_trgm_ops);`);

    this.addSql(`create index "stock_transfer_number_trgm" on "stock_transfer" using gin ("number" gin_trgm_ops);`);

    this.addSql(`alter table "stock_month_total" add column "closing_quantity" numeric(18,3) not null default 0, add column "closing_cost" numeric(19,4) not null default 0;`);
    // each month's closing balance: its own and every earlier month's movement
    this.addSql(`update "stock_month_total" t set "closing_quantity" = x.q, "closing_cost" = x.c
      from (select warehouse_id, product_id, month, sum(quantity) over w as q, sum(cost) over w as c from "stock_month_total"
            window w as (partition by warehouse_id, product_id order by month)) x
      where t.warehouse_id = x.warehouse_id and t.product_id = x.product_id and t.month = x.month;`);
    this.addSql(`alter table "stock_month_total" alter column "closing_quantity" drop default, alter column "closing_cost" drop default;`);

    this.addSql(`drop index "stock_lot_recorder_type_recorder_id_index";`);

    this.addSql(`create index "stock_lot_recorder_id_recorder_type_index" on "stock_lot" ("recorder_id", "recorder_type");`);
    this.addSql(`create index "stock_lot_open" on "stock_lot" ("warehouse_id", "product_id", "date", "sequence") where qty_remaining > 0;`);

    this.addSql(`drop index "stock_movement_recorder_type_recorder_id_index";`);

    this.addSql(`create index "stock_movement_date_index" on "stock_movement" ("date");`);
    this.addSql(`create index "stock_movement_recorder_id_recorder_type_index" on "stock_movement" ("recorder_id", "recorder_type");`);

    this.addSql(`create index "stock_count_number_trgm" on "stock_count" using gin ("number" gin_trgm_ops);`);

    this.addSql(`alter table "stock_balance" drop constraint stock_balance_on_hand_allowed;`);

    // the balances follow their warehouse's negative-stock policy from now on (where the old rows allow it)
    this.addSql(`update "stock_balance" b set "allows_negative" = w.allows_negative_stock from "warehouse" w
      where w.id = b.warehouse_id and b.allows_negative <> w.allows_negative_stock and (w.allows_negative_stock or (b.on_hand >= 0 and b.reserved <= b.on_hand));`);
    this.addSql(`alter table "stock_balance" add constraint stock_balance_covered check(allows_negative or (on_hand >= 0 and reserved <= on_hand));`);

    this.addSql(`create index "goods_receipt_number_trgm" on "goods_receipt" using gin ("number" gin_trgm_ops);`);

    this.addSql(`drop index "expense_register_recorder_type_recorder_id_index";`);

    this.addSql(`create index "expense_register_recorder_id_recorder_type_index" on "expense_register" ("recorder_id", "recorder_type");`);

    this.addSql(`drop index "cost_adjustment_recorder_type_recorder_id_index";`);
    this.addSql(`drop index "cost_adjustment_target_type_target_id_index";`);

    this.addSql(`create index "cost_adjustment_target_id_target_type_index" on "cost_adjustment" ("target_id", "target_type");`);
    this.addSql(`create index "cost_adjustment_recorder_id_recorder_type_index" on "cost_adjustment" ("recorder_id", "recorder_type");`);

    this.addSql(`create index "write_off_number_trgm" on "write_off" using gin ("number" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "cost_adjustment_target_id_target_type_index";`);
    this.addSql(`drop index "cost_adjustment_recorder_id_recorder_type_index";`);

    this.addSql(`create index "cost_adjustment_recorder_type_recorder_id_index" on "cost_adjustment" ("recorder_type", "recorder_id");`);
    this.addSql(`create index "cost_adjustment_target_type_target_id_index" on "cost_adjustment" ("target_type", "target_id");`);

    this.addSql(`drop index "expense_register_recorder_id_recorder_type_index";`);

    this.addSql(`create index "expense_register_recorder_type_recorder_id_index" on "expense_register" ("recorder_type", "recorder_id");`);

    this.addSql(`drop index "goods_receipt_number_trgm";`);

    this.addSql(`drop index "landed_cost_number_trgm";`);

    this.addSql(`drop index "price_list_number_trgm";`);

    this.addSql(`drop index "price_register_recorder";`);
    this.addSql(`alter table "price_register" drop column "recorder_type";`);

    this.addSql(`create index "price_register_recorder" on "price_register" ("recorder_id");`);

    this.addSql(`drop index "purchase_vat_book_recorder_id_recorder_type_index";`);

    this.addSql(`create index "purchase_vat_book_recorder_type_recorder_id_index" on "purchase_vat_book" ("recorder_type", "recorder_id");`);

    this.addSql(`alter table "stock_balance" drop constraint stock_balance_covered;`);

    this.addSql(`alter table "stock_balance" add constraint stock_balance_on_hand_allowed check(allows_negative OR on_hand >= (0));`);

    this.addSql(`drop index "stock_count_number_trgm";`);

    this.addSql(`drop index "stock_lot_recorder_id_recorder_type_index";`);
    this.addSql(`drop index "stock_lot_open";`);

    this.addSql(`create index "stock_lot_recorder_type_recorder_id_index" on "stock_lot" ("recorder_type", "recorder_id");`);

    this.addSql(`alter table "stock_month_total" drop column "closing_quantity", drop column "closing_cost";`);

    this.addSql(`drop index "stock_movement_date_index";`);
    this.addSql(`drop index "stock_movement_recorder_id_recorder_type_index";`);

    this.addSql(`create index "stock_movement_recorder_type_recorder_id_index" on "stock_movement" ("recorder_type", "recorder_id");`);

    this.addSql(`drop index "stock_transfer_number_trgm";`);

    this.addSql(`drop index "supplier_settlement_recorder_id_recorder_type_index";`);

    this.addSql(`create index "supplier_settlement_recorder_type_recorder_id_index" on "supplier_settlement" ("recorder_type", "recorder_id");`);

    this.addSql(`drop index "write_off_number_trgm";`);
  }

}
