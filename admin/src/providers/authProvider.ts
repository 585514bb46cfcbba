import type { AuthProvider } from 'react-admin';
import { forgetAccess, loadAccess } from './access';
import { session } from './session';

export interface Permissions {
  roles: string[];
  can: (permission: string) => boolean;
}

interface ApiErrorLike {
  code?: string;
  status?: number;
  body?: { code?: string };
}

const codeOf = (error: unknown) => (error as ApiErrorLike)?.code ?? (error as ApiErrorLike)?.body?.code;

/** Login with email + password; roles from `me` decide menus, buttons and fields (DESIGN §8). The SDK loads on sign-in, not with the login page. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { api, TradebookError } = await import('./sdk');
    try {
      const { login } = await api().Login({ email: username, password });
      session.set(login.token);
      forgetAccess();
    } catch (error) {
      // the login form words these itself (tradebook.auth.*): the server's English stays out of it
      if (error instanceof TradebookError && error.code === 'UNAUTHENTICATED') throw new Error('tradebook.auth.invalidLogin');
      if (error instanceof TradebookError && error.code === 'TOO_MANY_REQUESTS') throw new Error('tradebook.auth.tooManyAttempts');
      if (error instanceof TradebookError) throw new Error(error.message);
      throw error;
    }
  },
  async logout() {
    session.clear();
    forgetAccess();
  },
  async checkAuth() {
    if (!session.token()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error) {
    if (codeOf(error) === 'UNAUTHENTICATED' || (error as ApiErrorLike)?.status === 401) {
      session.clear();
      forgetAccess();
      throw new Error('ra.auth.auth_check_error');
    }
    // FORBIDDEN and the rest stay signed in; react-admin shows the message as a notification
  },
  async getIdentity() {
    const { user } = await loadAccess();
    return { id: user.id, fullName: user.name, email: user.email };
  },
  async getPermissions(): Promise<Permissions> {
    if (!session.token()) return { roles: [], can: () => false };
    const access = await loadAccess();
    return { roles: access.user.roles ?? [], can: access.can };
  },
};
