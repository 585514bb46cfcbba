import PrintIcon from '@mui/icons-material/Print';
import { Menu, MenuItem } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useLocaleState, useRecordContext } from 'react-admin';
import { api } from '../../providers/sdk';
import { useNotifyError } from '../useNotifyError';
import { printDocumentType, printChoices } from './printChoices';

/**
 * Print: a menu of the forms the API prints the record as (printForms), in Russian and in
 * English; a choice opens the file in a new tab through a short-lived signed link (printLink).
 * Nothing when the record's type has no forms or the reader may print none.
 */
export const PrintMenu = ({ type }: { type: string }) => {
  const record = useRecordContext<{ id: string }>();
  const [locale] = useLocaleState();
  const notifyError = useNotifyError(type);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data } = useQuery({ queryKey: ['printForms'], queryFn: () => api().PrintForms(), staleTime: Infinity });
  const documentType = printDocumentType(type);
  const choices = printChoices(data?.printForms ?? [], documentType, locale);
  if (!record || !choices.length) return null;

  const open = async (choice: (typeof choices)[number]) => {
    setAnchor(null);
    // the tab opens at the click, so no popup blocker takes it; the link follows
    const tab = window.open('', '_blank');
    try {
      const { printLink } = await api().PrintLink({ documentType, id: record.id, form: choice.form, lang: choice.lang, format: choice.format });
      if (tab) tab.location.href = printLink.url;
      else window.location.assign(printLink.url);
    } catch (error) {
      tab?.close();
      await notifyError(error);
    }
  };

  return (
    <>
      <Button label="tradebook.print.button" onClick={(event) => setAnchor(event.currentTarget)} aria-haspopup="menu">
        <PrintIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {choices.map((choice) => (
          <MenuItem key={choice.key} onClick={() => open(choice)}>
            {choice.label}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
