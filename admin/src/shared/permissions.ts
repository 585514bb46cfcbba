import { usePermissions } from 'react-admin';
import type { Permissions } from '../providers/authProvider';

/** `can('product:create')` from the signed-in user's permission matrix. */
export function useCan(): (permission: string) => boolean {
  const { permissions } = usePermissions<Permissions>();
  return (permission) => !!permissions?.can(permission);
}
