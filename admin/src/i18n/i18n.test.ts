import { en } from './en';
import { ru } from './ru';

/** The console's own label keys ("resources.WriteOff.fields.reason"…), leaving out react-admin's. */
function keysOf(messages: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (value && typeof value === 'object' ? keysOf(value as Record<string, unknown>, `${prefix}${key}.`) : [`${prefix}${key}`]));
}
const own = (messages: { tradebook: object; enums: object; resources: object }) => keysOf({ tradebook: messages.tradebook, enums: messages.enums, resources: messages.resources }).sort();

describe('console labels', () => {
  it('has every English label in Russian and no Russian label without an English one', () => {
    expect(own(ru)).toEqual(own(en));
  });
});
