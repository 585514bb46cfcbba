import { createClient, TradebookError, type TradebookClient } from '../../../schema/client';

/** The token lives for the browser session (sessionStorage): closing the tab signs out. */
const TOKEN_KEY = 'tradebook.token';

export const graphqlUrl = `${window.location.origin}/graphql`;

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** The typed SDK (schema/client) for custom screens, signed in as the current user. */
export function api(): TradebookClient {
  return createClient({ url: graphqlUrl, token: session.token() ?? undefined });
}

export { TradebookError };
