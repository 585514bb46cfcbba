import { Client } from 'pg';
import { jsonParam } from './json-param';

describe('jsonParam', () => {
  it.each([
    { story: 'plain rows', value: [{ lot_id: '0e4f6c1a-2b3c-4d5e-8f90-123456789abc', quantity: '10.5', cost: '-1052.50' }] },
    { story: "a quote is doubled", value: { comment: "O'Brien's" } },
    { story: 'a backslash makes an E string with it doubled', value: { path: 'C:\\stock', quote: 'say "hi"' } },
    { story: 'a question mark stays as it is', value: { q: 'why?', sql: '?::jsonb' } },
    { story: 'non-ASCII text and control characters', value: { name: 'Дрель ударная\n\t№ 5', emoji: '📦' } },
  ])('makes the literal pg escapeLiteral makes: $story', ({ value }) => {
    // the literal MikroORM would write for JSON.stringify(value), only faster
    expect(jsonParam(value).sql).toBe(Client.prototype.escapeLiteral(JSON.stringify(value)));
  });
});
