import { defaultTheme, type RaThemeOptions } from 'react-admin';

/** A form's, record's or list's card gives way to the window: what is wider (a line grid, a table) scrolls within it, never the page. */
const fitsTheWindow = (...cards: string[]) => ({ styleOverrides: { root: Object.fromEntries(cards.map((card) => [`& .${card}`, { minWidth: 0 }])) } });

/** react-admin's theme, with cards that never widen the page beyond a phone's screen. */
export const theme: RaThemeOptions = {
  ...defaultTheme,
  components: {
    ...defaultTheme.components,
    RaCreate: fitsTheWindow('RaCreate-main', 'RaCreate-card'),
    RaEdit: fitsTheWindow('RaEdit-main', 'RaEdit-card'),
    RaShow: fitsTheWindow('RaShow-main', 'RaShow-card'),
    RaList: fitsTheWindow('RaList-main', 'RaList-content'),
  } as RaThemeOptions['components'],
};
