import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  SALES_HEAD = 'SALES_HEAD',
  SALES_MANAGER = 'SALES_MANAGER',
  WAREHOUSE = 'WAREHOUSE',
  PURCHASING = 'PURCHASING',
  MARKETING = 'MARKETING',
  SERVICE = 'SERVICE',
  ACCOUNTANT = 'ACCOUNTANT',
  PARTNER = 'PARTNER',
}
registerEnumType(Role, { name: 'Role' });

export const RESOURCES = ['user', 'audit', 'setting', 'product', 'productGroup', 'unit', 'warehouse', 'counterparty', 'priceType', 'priceList', 'discountRule', 'price', 'stockDocument', 'stock'] as const;
export type Resource = (typeof RESOURCES)[number];
export const ACTIONS = ['read', 'create', 'update', 'delete', 'post'] as const;
export type Action = (typeof ACTIONS)[number];
/** Field permissions guard sensitive fields rather than whole resources. */
export const FIELD_PERMISSIONS = ['cost:read'] as const;
export type FieldPermission = (typeof FIELD_PERMISSIONS)[number];
export type Permission = `${Resource}:${Action}` | FieldPermission;

const READ: Action[] = ['read'];
const EDIT: Action[] = ['read', 'create', 'update'];
const FULL: Action[] = ['read', 'create', 'update', 'delete'];
const CATALOG_READ = { product: READ, productGroup: READ, unit: READ };
const CATALOG_FULL = { product: FULL, productGroup: FULL, unit: FULL };
const POSTING: Action[] = ['read', 'create', 'update', 'delete', 'post'];
/** `price:read`: effective prices and quotes (a partner's only for its own client). */
const PRICES_READ = { price: READ, priceType: READ };

interface Grant {
  resources: Partial<Record<Resource, Action[]>>;
  fields: FieldPermission[];
}

/**
 * Who may do what: the one table every resolver is checked against (DESIGN §8).
 * Record rules (own clients, a partner's own record) narrow these in the services.
 */
export const PERMISSION_MATRIX: Record<Role, Grant> = {
  [Role.ADMIN]: {
    resources: Object.fromEntries(RESOURCES.map((r) => [r, [...ACTIONS]])),
    fields: ['cost:read'],
  },
  [Role.SALES_HEAD]: {
    resources: { ...CATALOG_READ, ...PRICES_READ, warehouse: READ, counterparty: FULL, user: READ, priceType: FULL, priceList: POSTING, discountRule: FULL, stock: READ },
    fields: ['cost:read'],
  },
  [Role.SALES_MANAGER]: {
    resources: { ...CATALOG_READ, ...PRICES_READ, warehouse: READ, counterparty: EDIT, user: READ, priceList: READ, discountRule: READ, stock: READ },
    fields: [],
  },
  [Role.WAREHOUSE]: {
    resources: { ...CATALOG_READ, product: ['read', 'update'], warehouse: ['read', 'update'], counterparty: READ, stockDocument: POSTING, stock: READ },
    fields: [],
  },
  [Role.PURCHASING]: {
    resources: { ...CATALOG_FULL, ...PRICES_READ, warehouse: READ, counterparty: EDIT, user: READ, priceList: READ, stockDocument: ['read', 'create', 'update', 'post'], stock: READ },
    fields: ['cost:read'],
  },
  [Role.MARKETING]: {
    resources: { ...CATALOG_READ, ...PRICES_READ, counterparty: READ, user: READ, priceList: READ, discountRule: FULL },
    fields: [],
  },
  [Role.SERVICE]: {
    resources: { ...CATALOG_READ, ...PRICES_READ, warehouse: READ, counterparty: READ, user: READ },
    fields: [],
  },
  [Role.ACCOUNTANT]: {
    resources: { ...CATALOG_READ, ...PRICES_READ, warehouse: READ, counterparty: ['read', 'update'], user: READ, setting: ['read', 'update'], priceList: READ, discountRule: READ, stockDocument: READ, stock: READ },
    fields: ['cost:read'],
  },
  [Role.PARTNER]: {
    resources: { ...CATALOG_READ, counterparty: READ, price: READ },
    fields: [],
  },
};

/** The union of what the user's roles grant, as `resource:action` strings. */
export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of roles) {
    const grant = PERMISSION_MATRIX[role];
    for (const [resource, actions] of Object.entries(grant.resources)) {
      for (const action of actions ?? []) granted.add(`${resource as Resource}:${action}`);
    }
    for (const field of grant.fields) granted.add(field);
  }
  return granted;
}
