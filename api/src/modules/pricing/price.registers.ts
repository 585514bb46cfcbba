import { defineRegister } from '../ledger/register';

/**
 * The price register (an information register): one row per posted price list line.
 * The price of a product and price type on a date is the row with the latest valid_from
 * on or before it (the latest posted among equal dates): sliceLastSql.
 */
export const priceRegister = defineRegister({
  name: 'price',
  table: 'price_register',
  kind: 'information',
  dateColumn: 'valid_from',
  dimensions: { productId: 'uuid', priceTypeId: 'uuid' },
  resources: { price: 'numeric' },
  attributes: { postedAt: 'timestamptz' },
  tieBreak: ['posted_at'],
});
