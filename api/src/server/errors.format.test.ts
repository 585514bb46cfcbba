import { fieldOfConstraint } from './errors.format';

describe('the field a unique constraint protects', () => {
  it.each([
    ['product_sku_unique', 'sku'],
    ['product_barcode_unique', 'barcode'],
    ['unit_code_unique', 'code'],
    ['warehouse_code_unique', 'code'],
    ['price_type_code_unique', 'code'],
    ['price_list_number_unique', 'number'],
    ['price_list_line_product_unique', 'product'],
    ['counterparty_inn_kpp_unique', 'inn'],
    ['product_group_parent_name_unique', 'name'],
    ['app_user_email_unique', 'email'],
    ['some_check', undefined],
  ])('%s → %s', (constraint, field) => {
    expect(fieldOfConstraint(constraint)).toBe(field);
  });
});
