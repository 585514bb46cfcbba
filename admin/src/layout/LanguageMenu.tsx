import LanguageIcon from '@mui/icons-material/Translate';
import { Button, IconButton, Menu, MenuItem, Tooltip, useMediaQuery, type Theme } from '@mui/material';
import { useState } from 'react';
import { useLocaleState, useLocales, useTranslate } from 'react-admin';
import { keepForms } from '../shared/formKeeper';

/** The app bar's language menu: a switch keeps every half-typed form (keepForms); on a phone it is an icon. */
export const LanguageMenu = () => {
  const locales = useLocales();
  const [locale, setLocale] = useLocaleState();
  const translate = useTranslate();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const current = locales.find((l) => l.locale === locale)?.name ?? locale;
  const choose = (next: string) => {
    setAnchor(null);
    if (next === locale) return;
    keepForms();
    setLocale(next);
  };
  return (
    <>
      {phone ? (
        <Tooltip title={translate('ra.action.select_language', { _: current })}>
          <IconButton color="inherit" aria-label={current} onClick={(e) => setAnchor(e.currentTarget)}>
            <LanguageIcon />
          </IconButton>
        </Tooltip>
      ) : (
        <Button color="inherit" aria-label={current} startIcon={<LanguageIcon />} onClick={(e) => setAnchor(e.currentTarget)}>
          {current}
        </Button>
      )}
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {locales.map((l) => (
          <MenuItem key={l.locale} selected={l.locale === locale} onClick={() => choose(l.locale)}>
            {l.name}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
