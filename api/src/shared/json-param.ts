import { raw, type RawQueryFragment } from '@mikro-orm/core';

/**
 * A value as a JSON parameter of `em.execute`, e.g. the rows of
 * `jsonb_to_recordset(?::jsonb)`. MikroORM writes parameters into the SQL text and
 * escapes a string one character at a time (pg's escapeLiteral: about 0.1 s for the
 * 2 MB of a 10,000-row posting); this makes the very same literal with native
 * replaceAll in a few ms: quotes doubled, and when there is a backslash an E'' string
 * with backslashes doubled too.
 */
export function jsonParam(value: unknown): RawQueryFragment {
  const json = JSON.stringify(value).replaceAll("'", "''");
  return raw(json.includes('\\') ? ` E'${json.replaceAll('\\', '\\\\')}'` : `'${json}'`);
}
