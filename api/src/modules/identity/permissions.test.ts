import { defaultModules } from '..';
import { PermissionMatrix, Role } from './permissions';

const matrix = PermissionMatrix.compose(defaultModules.map((m) => m.permissions ?? {}));

describe('permission matrix', () => {
  it.each([
    // role, permission, granted
    [Role.ADMIN, 'user:delete', true],
    [Role.ADMIN, 'cost:read', true],
    [Role.ADMIN, 'stockDocument:post', true],
    [Role.SALES_MANAGER, 'counterparty:update', true],
    [Role.SALES_MANAGER, 'counterparty:delete', false],
    [Role.SALES_MANAGER, 'cost:read', false],
    [Role.SALES_MANAGER, 'audit:read', false],
    [Role.SALES_HEAD, 'cost:read', true],
    [Role.SALES_HEAD, 'priceList:post', true],
    [Role.PARTNER, 'product:read', true],
    [Role.PARTNER, 'user:read', false],
    [Role.PARTNER, 'warehouse:read', false],
    [Role.PARTNER, 'stock:read', false],
    [Role.PARTNER, 'availability:read', true],
    [Role.SALES_MANAGER, 'availability:read', true],
    [Role.WAREHOUSE, 'availability:read', true],
    [Role.MARKETING, 'availability:read', false],
    [Role.SERVICE, 'availability:read', false],
    [Role.WAREHOUSE, 'product:update', true],
    [Role.WAREHOUSE, 'product:create', false],
    [Role.WAREHOUSE, 'stockDocument:delete', true],
    [Role.PURCHASING, 'stockDocument:delete', false],
    [Role.PURCHASING, 'product:delete', true],
    [Role.MARKETING, 'counterparty:update', false],
    [Role.MARKETING, 'discountRule:delete', true],
    [Role.ACCOUNTANT, 'setting:update', true],
  ] as const)('%s → %s is %s', (role, permission, granted) => {
    expect(matrix.of([role]).has(permission)).toBe(granted);
  });

  it('unites the grants of several roles', () => {
    const both = matrix.of([Role.WAREHOUSE, Role.MARKETING]);
    expect(both.has('warehouse:update')).toBe(true);
    expect(both.has('user:read')).toBe(true);
    expect(both.has('user:create')).toBe(false);
  });

  it('refuses a grant of a resource no module declares, so a typo cannot grant nothing silently', () => {
    expect(() => PermissionMatrix.compose([{ resources: ['order'] }, { grants: { [Role.SALES_MANAGER]: { resources: { ordr: ['read'] } } } }])).toThrow(/ordr, which no module declares/);
  });

  it('gives ADMIN every action of every declared resource and every field permission', () => {
    const own = PermissionMatrix.compose([{ resources: ['order'], fields: ['margin:read'] }]);
    expect([...own.of([Role.ADMIN])].sort()).toEqual(['margin:read', 'order:create', 'order:delete', 'order:post', 'order:read', 'order:update']);
    expect(own.of([Role.SALES_MANAGER]).size).toBe(0);
  });
});
