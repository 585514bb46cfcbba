import { GraphQLError, type ValueNode } from 'graphql';

/** The value as a message may quote it: short, so a megabyte of digits is not echoed back. */
export function quoted(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/**
 * A scalar's refusal. From a literal it carries the node, so the boundary can name the
 * argument path the literal sits at (extensions.fields), as it does for variables.
 */
export const scalarError = (message: string, node?: ValueNode) => new GraphQLError(message, node ? { nodes: node } : {});
