import { createClient, TradebookError, type TradebookClient } from '@tradebook/client';
import { graphqlUrl, session } from './session';

/** The typed SDK (schema/client) for custom screens, signed in as the current user. Screens load it with their code, not the login page. */
export function api(): TradebookClient {
  return createClient({ url: graphqlUrl, token: session.token() ?? undefined });
}

export { TradebookError };
