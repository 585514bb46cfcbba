import { Migration20261127000000_initial } from './Migration20261127000000_initial';
import { Migration20261127130518_pricing } from './Migration20261127130518_pricing';
import { Migration20261127134653_stock } from './Migration20261127134653_stock';
import { Migration20261127140025_transfers } from './Migration20261127140025_transfers';
import { Migration20261127150426_counts_landed_costs } from './Migration20261127150426_counts_landed_costs';
import { Migration20261201090935_outbox } from './Migration20261201090935_outbox';
import { Migration20261201094204_ledger_engine } from './Migration20261201094204_ledger_engine';
import { Migration20261201130900_api_keys } from './Migration20261201130900_api_keys';
import { Migration20261210120000_partner_catalogue } from './Migration20261210120000_partner_catalogue';
import { Migration20261211090000_customer_orders } from './Migration20261211090000_customer_orders';
import { Migration20261212090000_sales_registers } from './Migration20261212090000_sales_registers';
import { Migration20261213090000_shipments } from './Migration20261213090000_shipments';
import { Migration20261214090000_money } from './Migration20261214090000_money';
import { Migration20261216090000_purchase_orders } from './Migration20261216090000_purchase_orders';
import { Migration20261219090000_crm_clients } from './Migration20261219090000_crm_clients';
import { Migration20261219090001_crm_phone_keys } from './Migration20261219090001_crm_phone_keys';
import { Migration20261220090000_crm_activities } from './Migration20261220090000_crm_activities';
import { Migration20261221090000_crm_deals } from './Migration20261221090000_crm_deals';
import { Migration20261223090000_reminders } from './Migration20261223090000_reminders';
import { Migration20261215090000_order_flow } from './Migration20261215090000_order_flow';
import { Migration20261217090000_requisitions } from './Migration20261217090000_requisitions';
import { Migration20261218090000_supplier_settlements } from './Migration20261218090000_supplier_settlements';

/** Applied in this order; `npm run migration:create` writes a new file to add here. */
export const migrationsList = [
  { name: 'Migration20261127000000_initial', class: Migration20261127000000_initial },
  { name: 'Migration20261127130518_pricing', class: Migration20261127130518_pricing },
  { name: 'Migration20261127134653_stock', class: Migration20261127134653_stock },
  { name: 'Migration20261127140025_transfers', class: Migration20261127140025_transfers },
  { name: 'Migration20261127150426_counts_landed_costs', class: Migration20261127150426_counts_landed_costs },
  { name: 'Migration20261201090935_outbox', class: Migration20261201090935_outbox },
  { name: 'Migration20261201094204_ledger_engine', class: Migration20261201094204_ledger_engine },
  { name: 'Migration20261201130900_api_keys', class: Migration20261201130900_api_keys },
  { name: 'Migration20261210120000_partner_catalogue', class: Migration20261210120000_partner_catalogue },
  { name: 'Migration20261211090000_customer_orders', class: Migration20261211090000_customer_orders },
  { name: 'Migration20261212090000_sales_registers', class: Migration20261212090000_sales_registers },
  { name: 'Migration20261213090000_shipments', class: Migration20261213090000_shipments },
  { name: 'Migration20261214090000_money', class: Migration20261214090000_money },
  { name: 'Migration20261215090000_order_flow', class: Migration20261215090000_order_flow },
  { name: 'Migration20261216090000_purchase_orders', class: Migration20261216090000_purchase_orders },
  { name: 'Migration20261217090000_requisitions', class: Migration20261217090000_requisitions },
  { name: 'Migration20261218090000_supplier_settlements', class: Migration20261218090000_supplier_settlements },
  { name: 'Migration20261219090000_crm_clients', class: Migration20261219090000_crm_clients },
  { name: 'Migration20261219090001_crm_phone_keys', class: Migration20261219090001_crm_phone_keys },
  { name: 'Migration20261220090000_crm_activities', class: Migration20261220090000_crm_activities },
  { name: 'Migration20261221090000_crm_deals', class: Migration20261221090000_crm_deals },
  { name: 'Migration20261223090000_reminders', class: Migration20261223090000_reminders },
];
