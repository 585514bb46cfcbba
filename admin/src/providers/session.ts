/** The token lives for the browser session (sessionStorage): closing the tab signs out. */
const TOKEN_KEY = 'tradebook.token';

export const graphqlUrl = `${window.location.origin}/graphql`;

export const session = {
  token: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};
