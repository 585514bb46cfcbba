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

/** Only a partner, with no staff role besides: the partner record rules narrow what it reads (its price type, the warehouses it may order from; DESIGN §8). */
export function actsOnlyAsPartner(user: { roles: readonly Role[] } | null | undefined): boolean {
  const roles = user?.roles ?? [];
  return roles.includes(Role.PARTNER) && roles.every((role) => role === Role.PARTNER);
}

export const ACTIONS = ['read', 'create', 'update', 'delete', 'post'] as const;
export type Action = (typeof ACTIONS)[number];
/** `resource:action`, or a field permission such as `cost:read` that guards sensitive fields rather than a resource. */
export type Permission = `${string}:${string}`;

export const READ: readonly Action[] = ['read'];
export const EDIT: readonly Action[] = ['read', 'create', 'update'];
export const FULL: readonly Action[] = ['read', 'create', 'update', 'delete'];
export const POSTING: readonly Action[] = ['read', 'create', 'update', 'delete', 'post'];

/** What one role gets from one module: actions per resource, and field permissions. */
export interface RoleGrant {
  resources?: Readonly<Record<string, readonly Action[]>>;
  fields?: readonly Permission[];
}

/** A module's part of the matrix: the resources and field permissions it owns, and what each role gets (ADMIN gets everything). */
export interface PermissionDeclaration {
  resources?: readonly string[];
  fields?: readonly Permission[];
  grants?: Partial<Record<Role, RoleGrant>>;
}

/**
 * Who may do what (DESIGN §8): the one table every `@Authorized` check reads, composed
 * at boot from what each module declares. Data, not scattered `if`s; record rules
 * (own clients, a partner's own record) narrow it in the services.
 */
export class PermissionMatrix {
  private constructor(
    readonly resources: readonly string[],
    readonly fields: readonly Permission[],
    private readonly byRole: ReadonlyMap<Role, ReadonlySet<Permission>>,
  ) {}

  /** Refuses a grant of a resource or field no module declares: a typo would otherwise grant nothing, silently. */
  static compose(declarations: readonly PermissionDeclaration[]): PermissionMatrix {
    const resources = declarations.flatMap((d) => d.resources ?? []);
    const fields = declarations.flatMap((d) => d.fields ?? []);
    const byRole = new Map<Role, Set<Permission>>(Object.values(Role).map((role) => [role, new Set<Permission>()]));
    const admin = byRole.get(Role.ADMIN)!;
    for (const resource of resources) for (const action of ACTIONS) admin.add(`${resource}:${action}`);
    for (const field of fields) admin.add(field);
    for (const declaration of declarations) {
      for (const [role, grant] of Object.entries(declaration.grants ?? {}) as [Role, RoleGrant][]) {
        const granted = byRole.get(role)!;
        for (const [resource, actions] of Object.entries(grant.resources ?? {})) {
          if (!resources.includes(resource)) throw new Error(`The permission grant to ${role} names ${resource}, which no module declares`);
          for (const action of actions) granted.add(`${resource}:${action}`);
        }
        for (const field of grant.fields ?? []) {
          if (!fields.includes(field)) throw new Error(`The permission grant to ${role} names ${field}, which no module declares`);
          granted.add(field);
        }
      }
    }
    return new PermissionMatrix(resources, fields, byRole);
  }

  /** The union of what the roles grant. */
  of(roles: readonly Role[]): Set<Permission> {
    const granted = new Set<Permission>();
    for (const role of roles) for (const permission of this.byRole.get(role) ?? []) granted.add(permission);
    return granted;
  }

  /** Whether any module declares this permission (an `@Authorized` naming another one can never pass). */
  isKnown(permission: string): boolean {
    const [resource, action] = permission.split(':');
    return this.fields.includes(permission as Permission) || (this.resources.includes(resource) && (ACTIONS as readonly string[]).includes(action));
  }
}
