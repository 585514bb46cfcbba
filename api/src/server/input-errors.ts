import { GraphQLError, Kind, parse, type ASTNode, type DocumentNode, type ValueNode } from 'graphql';
import { argumentKey } from './input-guard';

type Path = (string | number)[];
type Fields = Record<string, string>;

const VALUE_KINDS = new Set<string>([Kind.STRING, Kind.INT, Kind.FLOAT, Kind.BOOLEAN, Kind.NULL, Kind.ENUM, Kind.LIST, Kind.OBJECT, Kind.OBJECT_FIELD]);

/** Every value written in the document with the argument path it sits at (`$name` for a variable's default). */
function* valuesOf(document: DocumentNode): Generator<{ node: ValueNode | ASTNode; path: Path }> {
  function* value(node: ValueNode, path: Path): Generator<{ node: ValueNode | ASTNode; path: Path }> {
    yield { node, path };
    if (node.kind === Kind.LIST) for (const [index, item] of node.values.entries()) yield* value(item, [...path, index]);
    if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) {
        yield { node: field, path: [...path, field.name.value] };
        yield* value(field.value, [...path, field.name.value]);
      }
    }
  }
  const stack: ASTNode[] = [...document.definitions];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.kind === Kind.VARIABLE_DEFINITION && node.defaultValue) yield* value(node.defaultValue, [`$${node.variable.name.value}`]);
    if ((node.kind === Kind.FIELD || node.kind === Kind.DIRECTIVE) && node.arguments) for (const arg of node.arguments) yield* value(arg.value, [arg.name.value]);
    if ('variableDefinitions' in node && node.variableDefinitions) stack.push(...node.variableDefinitions);
    if ('directives' in node && node.directives) stack.push(...node.directives);
    if ('selectionSet' in node && node.selectionSet) stack.push(...node.selectionSet.selections);
  }
}

function documentOf(node: ASTNode): DocumentNode | null {
  const body = node.loc?.source.body;
  if (!body) return null;
  try {
    return parse(body);
  } catch {
    return null;
  }
}

/** Where a literal (or object field) of the document sits. */
function pathOfLiteral(node: ASTNode): Path | null {
  const document = documentOf(node);
  if (!document) return null;
  for (const found of valuesOf(document)) {
    if (found.node.kind === node.kind && found.node.loc?.start === node.loc?.start) return found.path;
  }
  return null;
}

/** Where a variable is used: the argument path of its first use, or the variable itself. */
function pathOfVariable(definition: ASTNode, name: string): Path {
  const document = documentOf(definition);
  for (const found of document ? valuesOf(document) : []) {
    if (found.node.kind === Kind.VARIABLE && found.node.name.value === name) return found.path;
  }
  return [name];
}

/** `x.lines[0].quantity` (graphql-js's printPathArray) → ['lines', 0, 'quantity'] under the variable. */
function variableSubPath(message: string, name: string): Path {
  const match = / at "([^"]+)"; /.exec(message);
  if (!match || !match[1].startsWith(name)) return [];
  return [...match[1].slice(name.length).matchAll(/\.([_A-Za-z][_0-9A-Za-z]*)|\[(\d+)\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
}

const innerMessage = (error: GraphQLError) => (error.originalError && error.originalError !== error ? error.originalError.message : error.message);

/** A variable that could not be coerced to its type (any transport; Apollo calls these BAD_USER_INPUT). */
function variableFields(error: GraphQLError): Fields | null {
  const definition = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (definition?.kind !== Kind.VARIABLE_DEFINITION) return null;
  const name = definition.variable.name.value;
  if (!error.message.startsWith(`Variable "$${name}" `)) return null;
  const at = [...pathOfVariable(definition, name), ...variableSubPath(error.message, name)];
  const reason = / was not provided\.$/.test(error.message) ? 'is required' : / must not be null\.$/.test(error.message) ? 'must not be null' : innerMessage(error);
  return { [argumentKey(at)]: reason };
}

/** A literal in the document that is not a value of its type (ValuesOfCorrectTypeRule, or a scalar that refused it). */
function literalFields(error: GraphQLError): Fields | null {
  const node = error.nodes?.length === 1 ? error.nodes[0] : undefined;
  if (!node || !VALUE_KINDS.has(node.kind)) return null;
  const at = pathOfLiteral(node);
  if (!at) return null;
  const missing = /^Field "[^".]+\.([_A-Za-z][_0-9A-Za-z]*)" of required type "[^"]+" was not provided\.$/.exec(error.message);
  if (missing) return { [argumentKey([...at, missing[1]])]: 'is required' };
  const unknown = /^Field "[^"]+" is not defined by type "([^"]+)"\./.exec(error.message);
  if (unknown) return { [argumentKey(at)]: `is not a field of ${unknown[1]}` };
  const mistyped = /^Expected value of type "([^"]+)", found (.*)\.$/s.exec(error.message);
  if (mistyped) return { [argumentKey(at)]: mistyped[2] === 'null' ? 'must not be null' : `must be a ${mistyped[1]}` };
  return { [argumentKey(at)]: innerMessage(error).replace(/^Expected value of type "[^"]+", found .*?; /s, '') };
}

/** graphql-js's own argument checks at execution: an explicit null for a non-null argument (defaulted or not), a missing variable. */
function argumentFields(error: GraphQLError): Fields | null {
  const match = /^Argument "([_A-Za-z][_0-9A-Za-z]*)" (?:of (?:non-null|required) type "[^"]+" )?(must not be null|was not provided|was provided the variable|has invalid value)/.exec(error.message);
  if (!match || error.originalError) return null;
  const reasons: Record<string, string> = {
    'must not be null': 'must not be null; leave it out to get its default, if it has one',
    'was not provided': 'is required',
    'was provided the variable': 'is required, but its variable was not sent',
    'has invalid value': 'has a value GraphQL cannot use (a variable in it is null or missing where a value is required)',
  };
  return { [argumentKey([match[1]])]: reasons[match[2]] };
}

/**
 * The field errors of an input GraphQL itself refused — a variable or a literal not of
 * its type, a scalar that refused its value (a date 2026-02-30, a Decimal "abc"), a null
 * for a non-null argument — keyed by argument path like every BAD_USER_INPUT; null for
 * any other error.
 */
export function inputErrorFields(error: unknown): Fields | null {
  if (!(error instanceof GraphQLError)) return null;
  // graphql-js stops after 50 refused variable values; the errors before this one name them
  if (error.message.startsWith('Too many errors processing variables')) return { variables: 'too many invalid values; the errors before this one name them' };
  return variableFields(error) ?? argumentFields(error) ?? literalFields(error);
}
