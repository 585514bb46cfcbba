import { ErrorCode } from '../shared/errors';

/** What a client is told when a database constraint refuses a change: a field and a domain message, never the constraint's name. */
export interface ConstraintMessage {
  code: ErrorCode;
  message: string;
  /** The input field at fault, when there is one. */
  field?: string;
}

/**
 * The constraints whose meaning their name does not spell out. They back rules the
 * services check first, so a client meets them only after a race or a bug in a check.
 */
const NAMED: Record<string, ConstraintMessage> = {
  counterparty_has_role: { code: ErrorCode.BAD_USER_INPUT, field: 'roles', message: 'give the counterparty at least one role' },
  counterparty_inn_kpp_unique: { code: ErrorCode.CONFLICT, field: 'inn', message: 'is already taken' },
  product_group_parent_name_unique: { code: ErrorCode.CONFLICT, field: 'name', message: 'is already taken' },
  app_user_email_unique: { code: ErrorCode.CONFLICT, field: 'email', message: 'is already taken' },
  price_type_single_default: { code: ErrorCode.CONFLICT, field: 'isDefault', message: 'another price type became the default meanwhile; try again' },
  price_type_derivation_base: { code: ErrorCode.BAD_USER_INPUT, field: 'basePriceTypeId', message: 'is required for FROM_PRICE_TYPE and refused otherwise' },
  price_type_adjustment: { code: ErrorCode.BAD_USER_INPUT, field: 'adjustmentPercent', message: 'is required for a derived price type, refused otherwise, and must be greater than −100' },
  discount_rule_period: { code: ErrorCode.BAD_USER_INPUT, field: 'activeTo', message: 'must not be before activeFrom' },
  discount_rule_percent_range: { code: ErrorCode.BAD_USER_INPUT, field: 'percent', message: 'percent and capPercent must be between 0 and 100' },
  stock_transfer_warehouses_differ: { code: ErrorCode.BAD_USER_INPUT, field: 'toWarehouseId', message: 'must not be the source warehouse' },
  stock_balance_on_hand_allowed: { code: ErrorCode.INSUFFICIENT_STOCK, message: 'Not enough stock: the warehouse does not allow its stock to go below zero' },
  stock_balance_reserved_nonnegative: { code: ErrorCode.INVALID_STATE, message: 'More would be released than is reserved' },
  stock_lot_remaining_range: { code: ErrorCode.INSUFFICIENT_STOCK, message: 'Not enough stock: a lot has less left than is taken from it' },
  stock_lot_value_nonnegative: { code: ErrorCode.INVALID_STATE, message: 'The value of a lot would go below zero' },
};

// longest first, so product_group_name_unique is not read as product + group_name
const TABLE_PREFIXES = [
  'stock_transfer_line', 'goods_receipt_line', 'landed_cost_line', 'stock_count_line', 'write_off_line', 'price_list_line', 'price_register',
  'stock_transfer', 'goods_receipt', 'landed_cost', 'stock_count', 'write_off', 'cost_adjustment', 'audit_entry', 'stock_balance', 'stock_lot',
  'product_group', 'discount_rule', 'price_list', 'price_type', 'app_user', 'counterparty', 'warehouse', 'product', 'unit',
].sort((a, b) => b.length - a.length);

/** What a `<table>_<column>_<rule>` constraint says. */
const RULES: Record<string, { code: ErrorCode; message: string }> = {
  unique: { code: ErrorCode.CONFLICT, message: 'is already taken' },
  positive: { code: ErrorCode.BAD_USER_INPUT, message: 'must be greater than 0' },
  nonnegative: { code: ErrorCode.BAD_USER_INPUT, message: 'must not be negative' },
  range: { code: ErrorCode.BAD_USER_INPUT, message: 'is out of its range' },
  // MikroORM's check of an enum column (GraphQL refuses other values first)
  check: { code: ErrorCode.BAD_USER_INPUT, message: 'is not one of its allowed values' },
};

const camel = (text: string) => text.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The message of a constraint by its name; a generic one (never the name) for a constraint not known here. */
export function constraintMessage(constraint: string | undefined, fallback: ConstraintMessage): ConstraintMessage {
  if (!constraint) return fallback;
  if (NAMED[constraint]) return NAMED[constraint];
  const match = /^(.*)_(unique|positive|nonnegative|range|check)$/.exec(constraint);
  if (!match) return fallback;
  const prefix = TABLE_PREFIXES.find((table) => match[1].startsWith(`${table}_`));
  const column = prefix ? match[1].slice(prefix.length + 1) : match[1];
  return { ...RULES[match[2]], field: camel(column) };
}

/** Whether constraintMessage knows the constraint (every constraint of the entities must be). */
export function knowsConstraint(constraint: string): boolean {
  const unknown: ConstraintMessage = { code: ErrorCode.INTERNAL_SERVER_ERROR, message: '' };
  return constraintMessage(constraint, unknown) !== unknown;
}
