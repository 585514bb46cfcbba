import { ErrorCode } from '../shared/errors';
import { FieldReason, type FieldParams } from '../shared/field-errors';

/** What a client is told when a database constraint refuses a change: a field and a domain message, never the constraint's name. */
export interface ConstraintMessage {
  code: ErrorCode;
  message: string;
  /** The input field at fault, when there is one. */
  field?: string;
  /** Extra details, e.g. { reason: 'NEGATIVE_STOCK' }. */
  details?: Record<string, unknown>;
  /** Why the field is refused, for clients to word (extensions.fieldErrors); TAKEN for a CONFLICT, INVALID otherwise. */
  reason?: FieldReason;
  params?: FieldParams;
}

/** What a `<table>_<column>_<rule>` constraint says. */
const RULES: Record<string, ConstraintMessage> = {
  unique: { code: ErrorCode.CONFLICT, message: 'is already taken', reason: FieldReason.TAKEN },
  positive: { code: ErrorCode.BAD_USER_INPUT, message: 'must be greater than 0', reason: FieldReason.GREATER_THAN, params: { min: 0 } },
  nonnegative: { code: ErrorCode.BAD_USER_INPUT, message: 'must not be negative', reason: FieldReason.NEGATIVE },
  range: { code: ErrorCode.BAD_USER_INPUT, message: 'is out of its range' },
  // MikroORM's check of an enum column (GraphQL refuses other values first)
  check: { code: ErrorCode.BAD_USER_INPUT, message: 'is not one of its allowed values', reason: FieldReason.NOT_ONE_OF },
};

const camel = (text: string) => text.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * What a client is told when a database constraint refuses a change. Constraints whose
 * meaning their name does not spell out are declared by the module that owns them
 * (`constraintMessages` in its module file); they back rules the services check first,
 * so a client meets them only after a race or a bug in a check. The others are
 * `<table>_<column>_<rule>`, read with the tables the entities map.
 */
export class ConstraintCatalog {
  private readonly tables: string[];

  constructor(
    private readonly named: ReadonlyMap<string, ConstraintMessage>,
    tables: readonly string[],
  ) {
    // longest first, so product_group_name_unique is not read as product + group_name
    this.tables = [...new Set(tables)].sort((a, b) => b.length - a.length);
  }

  static readonly empty = new ConstraintCatalog(new Map(), []);

  /** The message of a constraint by its name; a generic one (never the name) for a constraint not known here. */
  message(constraint: string | undefined, fallback: ConstraintMessage): ConstraintMessage {
    if (!constraint) return fallback;
    const named = this.named.get(constraint);
    if (named) return named;
    const match = /^(.*)_(unique|positive|nonnegative|range|check)$/.exec(constraint);
    if (!match) return fallback;
    const prefix = this.tables.find((table) => match[1].startsWith(`${table}_`));
    const column = prefix ? match[1].slice(prefix.length + 1) : match[1];
    return { ...RULES[match[2]], field: camel(column) };
  }

  /** Whether the catalog knows the constraint (every constraint of the entities must be). */
  knows(constraint: string): boolean {
    const unknown: ConstraintMessage = { code: ErrorCode.INTERNAL_SERVER_ERROR, message: '' };
    return this.message(constraint, unknown) !== unknown;
  }
}
