import { auditValueKind, plainValue } from './auditValues';

describe('what a changed field of the audit log holds', () => {
  it.each([
    ['Product', 'unit', { reference: 'Unit' }],
    ['Counterparty', 'teamMembers', { reference: 'User' }],
    ['Counterparty', 'kind', { enumName: 'CounterpartyKind' }],
    ['Product', 'kind', { enumName: 'ProductKind' }],
    ['User', 'roles', { enumName: 'Role' }],
    ['GoodsReceipt', 'status', { enumName: 'DocumentStatus' }],
    ['Product', 'sku', { plain: true }],
  ])('%s.%s → %j', (entity, field, kind) => {
    expect(auditValueKind(entity, field)).toEqual(kind);
  });

  it.each([
    [null, { kind: 'empty' }],
    [true, { kind: 'boolean', value: true }],
    ['2026-03-01', { kind: 'day', value: '2026-03-01' }],
    ['2026-03-01T10:15:00.000Z', { kind: 'moment', value: '2026-03-01T10:15:00.000Z' }],
    ['22', { kind: 'text', value: '22' }],
    [['a', 'b'], { kind: 'text', value: 'a, b' }],
    [{ bik: '044525225' }, { kind: 'object', value: { bik: '044525225' } }],
  ])('%j reads as %j', (value, expected) => {
    expect(plainValue(value)).toEqual(expected);
  });
});
