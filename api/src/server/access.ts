import type { AuthChecker } from 'type-graphql';
import { AppError, ErrorCode, forbidden } from '../shared/errors';
import type { Permission } from '../modules/identity/permissions';
import type { AuthedContext, Context } from './context';

/** The only operations an anonymous caller may run. */
export const PUBLIC_OPERATIONS = new Set(['login', 'health']);

export const unauthenticated = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first');

/**
 * Checks `@Authorized('resource:action')` against the permission matrix: the one place access
 * is decided. A function, not a class: type-graphql looks a class up in its container on every call.
 */
export const checkPermissions: AuthChecker<Context, Permission> = ({ context }, permissions) => {
  if (!context.user) throw unauthenticated();
  const missing = permissions.filter((permission) => !context.user!.permissions.has(permission));
  if (missing.length) throw forbidden(`Your roles do not allow ${missing.join(', ')}`);
  return true;
};

/** Narrows a context to a signed-in one for services. */
export function requireUser(context: Context): AuthedContext {
  if (!context.user) throw unauthenticated();
  return context as AuthedContext;
}
