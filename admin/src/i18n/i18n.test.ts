import englishMessages from 'ra-language-english';
import { en } from './en';
import { ru } from './ru';

// jest runs this in Node, but the console's project compiles without Node's types
declare const require: (id: 'node:fs') => { readFileSync(path: string, encoding: 'utf8'): string };
declare const __dirname: string;

/** Every key of a message tree ("resources.WriteOff.fields.reason"…). */
function keysOf(messages: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (value && typeof value === 'object' ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`]));
}
const own = (messages: { tradebook: object; enums: object; resources: object }) => keysOf({ tradebook: messages.tradebook, enums: messages.enums, resources: messages.resources }).sort();

/** The values of an enum of the committed schema. */
function schemaEnum(name: string): string[] {
  const sdl = require('node:fs').readFileSync(`${__dirname}/../../../schema/schema.graphql`, 'utf8');
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(sdl)![1];
  return body.split('\n').map((line) => line.trim()).filter((line) => /^[A-Z_]+$/.test(line));
}

describe('console labels', () => {
  it('has every English label in Russian and no Russian label without an English one', () => {
    expect(own(ru)).toEqual(own(en));
  });

  it('words every reason a field error may give, in both languages (INVALID is the API\'s own English)', () => {
    const reasons = schemaEnum('FieldErrorReason').filter((reason) => reason !== 'INVALID');
    expect(Object.keys(en.tradebook.fieldErrors).sort()).toEqual(reasons.sort());
    expect(Object.keys(ru.tradebook.fieldErrors).sort()).toEqual(reasons.sort());
  });

  it('has every message of react-admin itself in Russian', () => {
    const russian = new Set(keysOf(ru as unknown as Record<string, unknown>));
    expect(keysOf(englishMessages as unknown as Record<string, unknown>).filter((key) => !russian.has(key))).toEqual([]);
  });
});
