import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a terminated backend (57P01, pg_terminate_backend or a restart)', withCode('57P01'), true],
    ['PostgreSQL still starting (57P03)', withCode('57P03'), true],
    ['a statement timeout (57014)', withCode('57014'), true],
    ['a lock timeout (55P03)', withCode('55P03'), true],
    ['an idle-in-transaction timeout (25P03)', withCode('25P03'), true],
    ['a connection exception (class 08)', withCode('08006'), true],
    ['too many connections (53300)', withCode('53300'), true],
    ['a refused connection', withCode('ECONNREFUSED'), true],
    ['a full pool', Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), { name: 'KnexTimeoutError' }), true],
    ["MikroORM's wrapper of a lost connection (SQL first)", new Error('select 1 - Connection terminated unexpectedly'), true],
    ['a lost connection as the cause of a wrapper', new Error('wrapped', { cause: withCode('57P01') }), true],
    ['inside a GraphQLError', new GraphQLError('Context creation failed', { originalError: withCode('ECONNREFUSED') }), true],
    ["graphql's NonErrorThrown around a plain object", Object.assign(new Error('Unexpected error value'), { thrownValue: { code: 'ECONNREFUSED' } }), true],
    ['a unique violation (23505)', withCode('23505'), false],
    ['a check violation (23514)', withCode('23514'), false],
    ['a serialization failure (40001: retried, not unavailable)', withCode('40001'), false],
    ['a bug', new TypeError('undefined is not a function'), false],
    ['not an error', 'oops', false],
  ])('%s → %s', (_what, error, expected) => {
    expect(isDatabaseUnavailable(error)).toBe(expected);
  });
});
