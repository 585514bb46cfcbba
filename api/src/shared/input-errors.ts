import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { GraphQLError } from 'graphql';
import { FieldReason, problem, type FieldParams, type FieldProblem } from './field-errors';

/**
 * The two kinds of bad input the GraphQL layer refuses before a service runs, as field
 * problems with reasons: class-validator's constraints on an input class, and variables
 * a scalar or an input type cannot take (a letter in a Decimal quantity).
 */

/** The arguments a constraint was declared with (MaxLength(64) → [64]), read from class-validator's metadata. */
function constraintArguments(target: object | undefined, property: string, name: string): unknown[] {
  if (!target) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', true, false);
  return metadata.find((m) => m.propertyName === property && (m.name ?? m.type) === name)?.constraints ?? [];
}

const enumValues = (values: unknown) => (values && typeof values === 'object' ? Object.values(values).filter((v): v is string => typeof v === 'string') : []);

/** A class-validator constraint (its name and declared arguments) as a reason. */
function constraintReason(name: string, args: unknown[]): { reason: FieldReason; params?: FieldParams } {
  const [first] = args as [number | undefined];
  switch (name) {
    case 'maxLength':
      return { reason: FieldReason.TOO_LONG, params: { max: Number(first) } };
    case 'minLength':
      return Number(first) <= 1 ? { reason: FieldReason.REQUIRED } : { reason: FieldReason.TOO_SHORT, params: { min: Number(first) } };
    case 'arrayMaxSize':
      return { reason: FieldReason.TOO_MANY, params: { max: Number(first) } };
    case 'arrayMinSize':
      return { reason: FieldReason.TOO_FEW, params: { min: Number(first) } };
    case 'min':
      return { reason: FieldReason.AT_LEAST, params: { min: Number(first) } };
    case 'max':
      return { reason: FieldReason.AT_MOST, params: { max: Number(first) } };
    case 'isNotEmpty':
      return { reason: FieldReason.REQUIRED };
    case 'isInt':
      return { reason: FieldReason.NOT_AN_INTEGER };
    case 'isBoolean':
      return { reason: FieldReason.NOT_A_BOOLEAN };
    case 'isEmail':
      return { reason: FieldReason.NOT_AN_EMAIL };
    case 'isUuid':
      return { reason: FieldReason.NOT_AN_ID };
    case 'isDate':
    case 'isDateString':
      return { reason: FieldReason.NOT_A_DATE };
    case 'isEnum':
      return { reason: FieldReason.NOT_ONE_OF, params: { values: enumValues(first) } };
    case 'matches':
      return { reason: FieldReason.FORMAT };
    default:
      return { reason: FieldReason.INVALID };
  }
}

/** class-validator's errors as problems by path (`lines.0.quantity`); a field's messages stay joined as they always were. */
export function validationProblems(errors: ValidationError[], prefix = ''): Record<string, FieldProblem> {
  const fields: Record<string, FieldProblem> = {};
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const [name] = Object.keys(error.constraints);
      const { reason, params } = constraintReason(name, constraintArguments(error.target, error.property, name));
      fields[path] = problem(reason, Object.values(error.constraints).join('; '), params);
    }
    if (error.children?.length) Object.assign(fields, validationProblems(error.children, path));
  }
  return fields;
}

/** Each scalar's own refusal starts with its name ("Decimal must be…", "Int cannot represent…"). */
const SCALAR_REASONS: Record<string, FieldReason> = {
  Decimal: FieldReason.NOT_A_NUMBER,
  Money: FieldReason.NOT_A_NUMBER,
  Price: FieldReason.NOT_A_NUMBER,
  Float: FieldReason.NOT_A_NUMBER,
  Int: FieldReason.NOT_AN_INTEGER,
  LocalDate: FieldReason.NOT_A_DATE,
  DateTimeISO: FieldReason.NOT_A_DATE_TIME,
  ID: FieldReason.NOT_AN_ID,
  Boolean: FieldReason.NOT_A_BOOLEAN,
  String: FieldReason.NOT_TEXT,
};

/** What graphql-js says about one value (after "Variable … at "…"; "), as a reason and the field it is about below the path. */
export function coercionReason(text: string): { reason: FieldReason; params?: FieldParams; below?: string } {
  const missing = /^Field "(\w+)" of required type "[^"]+" was not provided\.$/.exec(text);
  if (missing) return { reason: FieldReason.REQUIRED, below: missing[1] };
  const unknown = /^Field "(\w+)" is not defined by type "\w+"/.exec(text);
  if (unknown) return { reason: FieldReason.UNKNOWN_FIELD, below: unknown[1] };
  if (/^Expected non-nullable type "[^"]+" not to be null\.$/.test(text)) return { reason: FieldReason.REQUIRED };
  if (/^Value .* does not exist in "\w+" enum\./.test(text)) return { reason: FieldReason.NOT_ONE_OF };
  const scalar = /^(?:Expected type "(\w+)"|(\w+) (?:must|cannot))/.exec(text);
  const name = scalar?.[1] ?? scalar?.[2];
  return { reason: (name && SCALAR_REASONS[name]) || FieldReason.INVALID };
}

/** `.lines[0].quantity` → `lines.0.quantity` */
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');

/**
 * A variable the request's types refused (graphql-js: `Variable "$input" got invalid value "x"
 * at "input.lines[0].quantity"; Decimal must be…`) as the problem of its field, named like a
 * service names it: the path inside an input object variable (`lines.0.quantity`), or the
 * variable itself (`percent`). Undefined for any other error.
 */
export function variableProblem(error: Pick<GraphQLError, 'message' | 'originalError'>): { field: string; problem: FieldProblem } | undefined {
  const head = /^Variable "\$(\w+)" got invalid value /.exec(error.message);
  if (!head) return undefined;
  const variable = head[1];
  // the path is printed just before the scalar's or input type's own words
  const own = error.originalError?.message;
  const prefix = own && error.message.endsWith(`; ${own}`) ? error.message.slice(0, -own.length - 2) : error.message.slice(0, error.message.indexOf('; '));
  const text = own ?? error.message.slice(prefix.length + 2);
  const at = new RegExp(`at "${variable}((?:\\.\\w+|\\[\\d+\\])*)"$`).exec(prefix);
  const inside = at ? dotted(at[1]) : '';
  const { reason, params, below } = coercionReason(text);
  const path = [inside, below].filter(Boolean).join('.');
  // an input object variable (`$input`, `$filter`) names its fields; a scalar variable names itself
  const field = path || variable;
  return { field, problem: problem(reason, text, params) };
}
