import type { AuthCheckerInterface, MiddlewareFn, ResolverData } from 'type-graphql';
import { AppError, ErrorCode, forbidden } from '../shared/errors';
import { actorScope } from '../shared/request-scope';
import type { Permission } from '../modules/identity/permissions';
import type { AuthedContext, Context } from './context';

/** The only operations an anonymous caller may run. */
export const PUBLIC_OPERATIONS = new Set(['login', 'health']);

export const unauthenticated = () => new AppError(ErrorCode.UNAUTHENTICATED, 'Sign in first');

/** Checks `@Authorized('resource:action')` against the permission matrix: the one place access is decided. */
export class PermissionChecker implements AuthCheckerInterface<Context, Permission> {
  check({ context }: ResolverData<Context>, permissions: Permission[]): boolean {
    if (!context.user) throw unauthenticated();
    const missing = permissions.filter((permission) => !context.user!.permissions.has(permission));
    if (missing.length) throw forbidden(`Your roles do not allow ${missing.join(', ')}`);
    return true;
  }
}

/** Narrows a context to a signed-in one for services. */
export function requireUser(context: Context): AuthedContext {
  if (!context.user) throw unauthenticated();
  return context as AuthedContext;
}

/**
 * Every mutation field runs in one transaction (DESIGN §6) with the actor known
 * to the audit log; a thrown error rolls all of it back.
 */
export const mutationInTransaction: MiddlewareFn<Context> = async ({ context, info }, next) => {
  if (info.parentType.name !== 'Mutation') return next();
  const outer = context.em;
  context.pendingEvents = [];
  try {
    const result = await actorScope.run({ userId: context.user?.id ?? null, requestId: context.requestId }, () =>
      outer.transactional(async (em) => {
        context.em = em;
        try {
          return await next();
        } finally {
          context.em = outer;
        }
      }),
    );
    // committed: now the rest of the system may hear of it (DESIGN §9)
    const events = context.pendingEvents.splice(0);
    if (events.length) await context.services.events.publish((sql, params) => outer.getConnection().execute(sql, params), events);
    return result;
  } finally {
    context.pendingEvents = [];
  }
};
