import type { AuthProvider } from 'react-admin';
import { api, session, TradebookError } from './session';

export interface Permissions {
  roles: string[];
  can: (permission: string) => boolean;
}

let me: Promise<{ id: string; name: string; email: string; roles: string[]; permissions: string[] }> | null = null;

function loadMe() {
  me ??= api()
    .Me()
    // one's own roles and permissions are always there (null only for other users without user:read)
    .then((r) => ({ ...r.me, roles: r.me.roles ?? [], permissions: r.me.permissions ?? [] }))
    .catch((error) => {
      me = null;
      throw error;
    });
  return me;
}

function codeOf(error: unknown): string | undefined {
  if (error instanceof TradebookError) return error.code;
  const body = (error as { body?: { graphQLErrors?: { extensions?: { code?: string } }[] } })?.body;
  return body?.graphQLErrors?.[0]?.extensions?.code ?? (error as { code?: string })?.code;
}

/** Login with email + password; roles from `me` decide menus, buttons and fields (DESIGN §8). */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { login } = await api().Login({ email: username, password });
      session.set(login.token);
      me = null;
    } catch (error) {
      if (error instanceof TradebookError) throw new Error(error.message);
      throw error;
    }
  },
  async logout() {
    session.clear();
    me = null;
  },
  async checkAuth() {
    if (!session.token()) throw new Error('ra.auth.auth_check_error');
  },
  async checkError(error) {
    const code = codeOf(error);
    if (code === 'UNAUTHENTICATED' || (error as { status?: number })?.status === 401) {
      session.clear();
      me = null;
      throw new Error('ra.auth.auth_check_error');
    }
    // FORBIDDEN and the rest stay signed in; react-admin shows the message as a notification
  },
  async getIdentity() {
    const user = await loadMe();
    return { id: user.id, fullName: user.name, email: user.email };
  },
  async getPermissions(): Promise<Permissions> {
    if (!session.token()) return { roles: [], can: () => false };
    const user = await loadMe();
    const granted = new Set(user.permissions);
    return { roles: user.roles, can: (permission) => granted.has(permission) };
  },
};
