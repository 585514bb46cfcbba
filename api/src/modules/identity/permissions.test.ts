import { permissionsOf, Role } from './permissions';

describe('permission matrix', () => {
  it.each([
    // role, permission, granted
    [Role.ADMIN, 'user:delete', true],
    [Role.ADMIN, 'cost:read', true],
    [Role.SALES_MANAGER, 'counterparty:update', true],
    [Role.SALES_MANAGER, 'counterparty:delete', false],
    [Role.SALES_MANAGER, 'cost:read', false],
    [Role.SALES_MANAGER, 'audit:read', false],
    [Role.SALES_HEAD, 'cost:read', true],
    [Role.PARTNER, 'product:read', true],
    [Role.PARTNER, 'user:read', false],
    [Role.PARTNER, 'warehouse:read', false],
    [Role.WAREHOUSE, 'product:update', true],
    [Role.WAREHOUSE, 'product:create', false],
    [Role.MARKETING, 'counterparty:update', false],
    [Role.ACCOUNTANT, 'setting:update', true],
  ] as const)('%s → %s is %s', (role, permission, granted) => {
    expect(permissionsOf([role]).has(permission)).toBe(granted);
  });

  it('unites the grants of several roles', () => {
    const both = permissionsOf([Role.WAREHOUSE, Role.MARKETING]);
    expect(both.has('warehouse:update')).toBe(true);
    expect(both.has('user:read')).toBe(true);
    expect(both.has('user:create')).toBe(false);
  });
});
