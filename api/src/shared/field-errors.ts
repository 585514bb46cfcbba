import { registerEnumType } from 'type-graphql';

/**
 * Why a field is refused, as a code a client words in its own language (DESIGN §12): every
 * BAD_USER_INPUT carries `extensions.fieldErrors: [{ field, reason, params, message }]` beside
 * the English `extensions.fields`. Params hold the numbers, names and values the words need.
 */
export enum FieldReason {
  /** No more precise reason yet: the English message is all there is. */
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  /** Another record already has this value (a unique SKU, code, email, INN + KPP). */
  TAKEN = 'TAKEN',
  /** { entity }: no such record (or one the caller may not see). */
  NOT_FOUND = 'NOT_FOUND',
  /** { entity, name }: the record chosen is switched off. */
  INACTIVE = 'INACTIVE',
  TOO_LONG = 'TOO_LONG',
  TOO_SHORT = 'TOO_SHORT',
  TOO_MANY = 'TOO_MANY',
  TOO_FEW = 'TOO_FEW',
  /** { min }: must be greater than min. */
  GREATER_THAN = 'GREATER_THAN',
  /** { min }: must be min or more. */
  AT_LEAST = 'AT_LEAST',
  /** { max }: must be max or less. */
  AT_MOST = 'AT_MOST',
  /** { min, max }: a whole number from min to max. */
  BETWEEN = 'BETWEEN',
  NEGATIVE = 'NEGATIVE',
  /** Too large for the column that keeps it. */
  TOO_LARGE = 'TOO_LARGE',
  /** { places }: at most that many decimal places; { places, unit } for a quantity of a unit counted to `places` (0: whole units). */
  DECIMAL_PLACES = 'DECIMAL_PLACES',
  NOT_A_NUMBER = 'NOT_A_NUMBER',
  NOT_AN_INTEGER = 'NOT_AN_INTEGER',
  NOT_A_DATE = 'NOT_A_DATE',
  NOT_A_DATE_TIME = 'NOT_A_DATE_TIME',
  NOT_AN_ID = 'NOT_AN_ID',
  NOT_A_BOOLEAN = 'NOT_A_BOOLEAN',
  NOT_TEXT = 'NOT_TEXT',
  NOT_AN_EMAIL = 'NOT_AN_EMAIL',
  /** { name, owner }: a client we already have (its own or a contact's) has the same INN, phone or email. */
  DUPLICATE_CLIENT = 'DUPLICATE_CLIENT',
  /** Not a phone number libphonenumber recognises (numbers without a country code are read as Russian). */
  NOT_A_PHONE = 'NOT_A_PHONE',
  /** { values }: one of these values. */
  NOT_ONE_OF = 'NOT_ONE_OF',
  /** A field the input type does not have. */
  UNKNOWN_FIELD = 'UNKNOWN_FIELD',
  /** Does not match the expected pattern. */
  FORMAT = 'FORMAT',
  /** { max }: 1 to max characters without spaces (a SKU, a code, a promo code). */
  NO_SPACES = 'NO_SPACES',
  /** { length }: exactly that many digits (a BIK, an account number). */
  DIGITS = 'DIGITS',
  INN_DIGITS_ONLY = 'INN_DIGITS_ONLY',
  /** { length, kind }: a company's INN has 10 digits, a person's 12. */
  INN_LENGTH = 'INN_LENGTH',
  INN_CHECKSUM = 'INN_CHECKSUM',
  KPP_COMPANY_ONLY = 'KPP_COMPANY_ONLY',
  KPP_FORMAT = 'KPP_FORMAT',
  /** The change would make a record its own ancestor (a group under its subgroup, a price type derived from itself). */
  CYCLE = 'CYCLE',
  /** { line }: repeats what line (or entry) `line` already has. */
  REPEATED = 'REPEATED',
  /** { sku }: the product is outside the document's product group. */
  OUTSIDE_GROUP = 'OUTSIDE_GROUP',
  /** { code, derivation }: a derived price type's prices are computed, never typed in. */
  DERIVED_PRICE_TYPE = 'DERIVED_PRICE_TYPE',
  /** { code, derivation }: only a FROM_COST price type is recalculated from cost. */
  NOT_FROM_COST = 'NOT_FROM_COST',
  /** { kind, enum }: required for this kind (of rule, of derivation). */
  REQUIRED_FOR = 'REQUIRED_FOR',
  /** { kind, enum }: not used by this kind; leave it empty. */
  NOT_USED_BY = 'NOT_USED_BY',
  DEFAULT_STAYS_ACTIVE = 'DEFAULT_STAYS_ACTIVE',
  /** { now }: a moment that must be in the future is not. */
  IN_THE_PAST = 'IN_THE_PAST',
  /** { field, value }: must not be before the other field's value. */
  NOT_BEFORE = 'NOT_BEFORE',
  /** { previous }: must be greater than the previous step's. */
  NOT_INCREASING = 'NOT_INCREASING',
  OWN_ADMIN_ROLE = 'OWN_ADMIN_ROLE',
  DELETE_YOURSELF = 'DELETE_YOURSELF',
  PARTNER_NEEDS_COUNTERPARTY = 'PARTNER_NEEDS_COUNTERPARTY',
  WRONG_PASSWORD = 'WRONG_PASSWORD',
  SAME_PASSWORD = 'SAME_PASSWORD',
  /** { field }: must be another user than the one in the other field. */
  SAME_USER = 'SAME_USER',
  /** { name }: the counterparty has no CLIENT role. */
  NOT_A_CLIENT = 'NOT_A_CLIENT',
  // deals (crm)
  /** The pipeline keeps exactly one active WON stage: the change would leave none or two. */
  ONE_WON_STAGE = 'ONE_WON_STAGE',
  /** The pipeline keeps at least one active LOST stage. */
  LOST_STAGE_NEEDED = 'LOST_STAGE_NEEDED',
  /** { count }: deals are in the stage (move them first). */
  STAGE_HAS_DEALS = 'STAGE_HAS_DEALS',
  /** { percent, cap }: a manual discount over the caller's limit. */
  OVER_DISCOUNT_CAP = 'OVER_DISCOUNT_CAP',
  /** { percent, cap }: with the rules, the line's discount is over the caller's total limit. */
  OVER_TOTAL_DISCOUNT_CAP = 'OVER_TOTAL_DISCOUNT_CAP',
  /** { price, cost }: the final price is below cost and the caller may not sell below cost. */
  BELOW_COST = 'BELOW_COST',
  /** { price }: the same, told to a caller who may not see cost (no cost:read). */
  BELOW_MINIMUM_PRICE = 'BELOW_MINIMUM_PRICE',
  /** { step, priceType }: a price that is not a multiple of its price type's rounding step. */
  OFF_ROUNDING_STEP = 'OFF_ROUNDING_STEP',
  /** { group, priceType, date }: no product of the group has a price of the type on the date. */
  NOTHING_TO_REPRICE = 'NOTHING_TO_REPRICE',
  /** { priceType, date }: the product has no price of the client's price type on the date. */
  NO_PRICE = 'NO_PRICE',
  /** { sku }: the change makes this product's price too large. */
  PRICE_TOO_LARGE = 'PRICE_TOO_LARGE',
  /** { rows, max }: more rows than a document takes. */
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  NO_ROWS = 'NO_ROWS',
  /** { rows }: no row could be taken; see the row report. */
  NO_ROW_IMPORTABLE = 'NO_ROW_IMPORTABLE',
  /** { places, lines, products, unit }: document lines and stock of the unit's products hold quantities with more places. */
  FINER_QUANTITIES_HELD = 'FINER_QUANTITIES_HELD',
  /** { field, allowed }: the list cannot be sorted by this field. */
  NOT_SORTABLE = 'NOT_SORTABLE',
  // stock documents (inventory)
  /** { sku, kind }: only goods are kept in stock. */
  NOT_GOODS = 'NOT_GOODS',
  /** { sku, kind }: a service act takes services only. */
  NOT_A_SERVICE = 'NOT_A_SERVICE',
  /** { sku }: the product has no main supplier to order it from (give the supplier). */
  NO_MAIN_SUPPLIER = 'NO_MAIN_SUPPLIER',
  /** { number, status }: only APPROVED or PARTLY_ORDERED requisitions are ordered. */
  NOT_ORDERABLE = 'NOT_ORDERABLE',
  /** { name }: the counterparty has no SUPPLIER role. */
  NOT_A_SUPPLIER = 'NOT_A_SUPPLIER',
  /** A transfer's destination is its source. */
  SAME_WAREHOUSE = 'SAME_WAREHOUSE',
  /** { number, status }: only a posted goods receipt's lines carry a landed cost. */
  RECEIPT_NOT_POSTED = 'RECEIPT_NOT_POSTED',
  /** { number, date }: the goods receipt is dated after the landed cost. */
  RECEIPT_AFTER = 'RECEIPT_AFTER',
  /** Spread by weight, a line has no weight and its product none either. */
  WEIGHT_MISSING = 'WEIGHT_MISSING',
  /** { method }: the lines' total quantity, value or weight is zero: nothing to spread over. */
  ZERO_BASE_TOTAL = 'ZERO_BASE_TOTAL',
  /** { sum, amount }: the manual amounts do not add up to the landed cost. */
  MANUAL_SUM_MISMATCH = 'MANUAL_SUM_MISMATCH',
  // activities (crm)
  /** { name }: the contact person works at another client than the one chosen. */
  CONTACT_OF_ANOTHER_CLIENT = 'CONTACT_OF_ANOTHER_CLIENT',
  /** { at }: the reminder this would set (at, an instant) is already past. */
  REMINDER_IN_THE_PAST = 'REMINDER_IN_THE_PAST',
  /** { max }: a range of dates at most max days long, both ends counted. */
  RANGE_TOO_LONG = 'RANGE_TOO_LONG',
}

registerEnumType(FieldReason, { name: 'FieldErrorReason', description: 'Why a field is refused: the reason of each entry of extensions.fieldErrors' });

export type FieldParams = Record<string, string | number | boolean | string[]>;

/** One refused field as the API words it for people (`message`) and for programs (`reason`, `params`). */
export interface FieldProblem {
  reason: FieldReason;
  message: string;
  params?: FieldParams;
}

/** What extensions.fieldErrors holds, one entry per refused field. */
export interface FieldError {
  field: string;
  reason: FieldReason;
  params: FieldParams;
  message: string;
}

/** `problem(REQUIRED, 'is required')`, `problem(TOO_LONG, 'must be at most 64 characters', { max: 64 })`. */
export const problem = (reason: FieldReason, message: string, params?: FieldParams): FieldProblem => ({ reason, message, ...(params ? { params } : {}) });

/** A field's problem given as words only (a call site not yet given a reason) or as a FieldProblem. */
export type FieldMessages = Record<string, string | FieldProblem>;

export const messageOf = (value: string | FieldProblem) => (typeof value === 'string' ? value : value.message);

/** `{ path: English }` for extensions.fields, as clients have always read it. */
export function fieldMessages(fields: FieldMessages): Record<string, string> {
  return Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, messageOf(value)]));
}

/** The machine-readable form, in the same order. */
export function fieldErrorList(fields: FieldMessages): FieldError[] {
  return Object.entries(fields).map(([field, value]) =>
    typeof value === 'string' ? { field, reason: FieldReason.INVALID, params: {}, message: value } : { field, reason: value.reason, params: value.params ?? {}, message: value.message },
  );
}

// the problems every area words alike
export const required = (message = 'is required') => problem(FieldReason.REQUIRED, message);
export const notNull = () => required('must not be null');
export const noSuch = (entity: string, message: string) => problem(FieldReason.NOT_FOUND, message, { entity });
export const taken = () => problem(FieldReason.TAKEN, 'is already taken');
export const negative = (message = 'must not be negative') => problem(FieldReason.NEGATIVE, message);
export const decimalPlaces = (places: number, message = `must have at most ${places} decimal places`) => problem(FieldReason.DECIMAL_PLACES, message, { places });
export const noSpaces = (max: number) => problem(FieldReason.NO_SPACES, `must be 1 to ${max} characters without spaces`, { max });
export const notSortable = (field: string, allowed: readonly string[]) =>
  problem(FieldReason.NOT_SORTABLE, `cannot sort by ${field}; use one of ${allowed.join(', ')}`, { field, allowed: [...allowed] });

/** A line's problem, its English prefixed with the line number people count from (`line 2: …`); the reason and params stay. */
export const onLine = (n: number, found: FieldProblem): FieldProblem => ({ ...found, message: `line ${n}: ${found.message}` });

/** `onLine(n, problem(reason, english, params))` in one call. */
export const lineProblem = (n: number, reason: FieldReason, english: string, params?: FieldParams): FieldProblem => onLine(n, problem(reason, english, params));
