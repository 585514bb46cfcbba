import type { AuthUser, Context } from '../../server/context';

/** The user who signed in during a `login` request, by the request's context. */
const signedInDuring = new WeakMap<Context, AuthUser>();

/** Records that `login` signed this user in: the rest of its answer (`user { … }`) is read as theirs. */
export function signedIn(ctx: Context, user: AuthUser): void {
  signedInDuring.set(ctx, user);
}

/**
 * Whom the fields of a User are read for: the signed-in user, or in a `login` answer the
 * user who just signed in, so `login { user { roles counterparty } }` shows what `me`
 * shows. Access checks (`@Authorized`) still go by `ctx.user` alone: signing in does not
 * let the rest of the same request act as that user.
 */
export function viewerOf(ctx: Context): AuthUser | null {
  return ctx.user ?? signedInDuring.get(ctx) ?? null;
}
