import type { SessionQuery } from '@tradebook/client';

export type SessionUser = SessionQuery['me'];

/**
 * What the signed-in user may read: their permissions, and the fields that need a
 * permission of their own (`PriceType.basePriceType` needs priceType:read). The data
 * provider never asks for a field the user may not read, so no screen loses its rows to a
 * FORBIDDEN at one field's path.
 */
export interface Access {
  user: SessionUser;
  can: (permission: string) => boolean;
  canRead: (type: string, field: string) => boolean;
}

export function accessOf(session: SessionQuery): Access {
  // one's own roles and permissions are always there (null only for other users without user:read)
  const granted = new Set(session.me.permissions ?? []);
  const needs = new Map(session.fieldPermissions.map((f) => [`${f.type}.${f.field}`, f.permissions]));
  return {
    user: session.me,
    can: (permission) => granted.has(permission),
    canRead: (type, field) => (needs.get(`${type}.${field}`) ?? []).every((permission) => granted.has(permission)),
  };
}

let current: Promise<Access> | null = null;

/** The session of the signed-in user, read once (Session: me and fieldPermissions) until sign-out. */
export function loadAccess(): Promise<Access> {
  current ??= import('./sdk')
    .then(({ api }) => api().Session())
    .then(accessOf)
    .catch((error) => {
      current = null;
      throw error;
    });
  return current;
}

export function forgetAccess(): void {
  current = null;
}
