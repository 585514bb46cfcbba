import { ErrorCode } from '../shared/errors';
import { defaultModules } from '../modules';
import { ConstraintCatalog, type ConstraintMessage } from './constraint-messages';

/** The catalog as the boot composes it: the modules' messages, and the tables (here those the cases name). */
const catalog = new ConstraintCatalog(
  new Map(defaultModules.flatMap((m) => Object.entries(m.constraintMessages ?? {})) as [string, ConstraintMessage][]),
  ['product', 'product_group', 'unit', 'warehouse', 'price_type', 'price_list', 'price_list_line', 'counterparty', 'app_user', 'goods_receipt_line', 'stock_transfer', 'write_off', 'audit_entry'],
);
const constraintMessage = (constraint: string | undefined, fallback: ConstraintMessage) => catalog.message(constraint, fallback);

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
    ['some_rule', undefined],
  ])('%s → %s', (constraint, field) => {
    expect(constraintMessage(constraint, { code: ErrorCode.CONFLICT, message: '' }).field).toBe(field);
  });
});

describe('what a client is told when a constraint refuses a change', () => {
  const fallback = { code: ErrorCode.BAD_USER_INPUT, message: 'A value breaks a rule of the record' };

  it.each([
    ['goods_receipt_line_quantity_positive', ErrorCode.BAD_USER_INPUT, 'quantity', 'must be greater than 0'],
    ['goods_receipt_line_unit_cost_nonnegative', ErrorCode.BAD_USER_INPUT, 'unitCost', 'must not be negative'],
    ['product_weight_nonnegative', ErrorCode.BAD_USER_INPUT, 'weight', 'must not be negative'],
    ['product_vat_rate_range', ErrorCode.BAD_USER_INPUT, 'vatRate', 'is out of its range'],
    ['counterparty_has_role', ErrorCode.BAD_USER_INPUT, 'roles', 'give the counterparty at least one role'],
    ['stock_transfer_warehouses_differ', ErrorCode.BAD_USER_INPUT, 'toWarehouseId', 'must not be the source warehouse'],
    ['stock_balance_covered', ErrorCode.INSUFFICIENT_STOCK, undefined, 'Not enough stock: the warehouse does not allow its stock to go below zero or below what is reserved'],
    ['warehouse_code_unique', ErrorCode.CONFLICT, 'code', 'is already taken'],
    ['write_off_reason_check', ErrorCode.BAD_USER_INPUT, 'reason', 'is not one of its allowed values'],
    ['audit_entry_action_check', ErrorCode.BAD_USER_INPUT, 'action', 'is not one of its allowed values'],
    ['a_constraint_nobody_declared', ErrorCode.BAD_USER_INPUT, undefined, 'A value breaks a rule of the record'],
    [undefined, ErrorCode.BAD_USER_INPUT, undefined, 'A value breaks a rule of the record'],
  ])('%s → %s %s: %s', (constraint, code, field, message) => {
    expect(constraintMessage(constraint, fallback)).toMatchObject({ code, message, ...(field ? { field } : {}) });
  });
});
