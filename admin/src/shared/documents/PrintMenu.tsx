import PrintIcon from '@mui/icons-material/Print';
import { Menu, MenuItem } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useListContext, useLocaleState, useRecordContext } from 'react-admin';
import { api } from '../../providers/sdk';
import { useNotifyError } from '../useNotifyError';
import { printDocumentType, printChoices, type PrintChoice } from './printChoices';

/**
 * Print: a menu of the forms the API prints the record as (printForms), in Russian and in
 * English; a choice opens the file in a new tab through a short-lived signed link (printLink).
 * Nothing when the record's type has no forms or the reader may print none.
 */
export const PrintMenu = ({ type }: { type: string }) => {
  const record = useRecordContext<{ id: string }>();
  const documentType = printDocumentType(type);
  if (!record) return null;
  return <PrintChoicesMenu type={type} link={(choice) => api().PrintLink({ documentType, id: record.id, form: choice.form, lang: choice.lang, format: choice.format }).then((r) => r.printLink.url)} />;
};

/** Print on a list's selection: the chosen documents in one PDF, in the list's order (printBatchLink), PDF forms only. */
export const BulkPrintMenu = ({ type }: { type: string }) => {
  const { selectedIds, data = [] } = useListContext();
  const documentType = printDocumentType(type);
  // in the order the list shows them, not the order they were ticked
  const ids = data.map((r) => r.id as string).filter((id) => selectedIds.includes(id));
  return <PrintChoicesMenu type={type} pdfOnly link={(choice) => api().PrintBatchLink({ documentType, ids, form: choice.form, lang: choice.lang }).then((r) => r.printBatchLink.url)} />;
};

/** The menu of a type's forms; a choice opens `link(choice)` in a new tab. */
const PrintChoicesMenu = ({ type, link, pdfOnly = false }: { type: string; link: (choice: PrintChoice) => Promise<string>; pdfOnly?: boolean }) => {
  const [locale] = useLocaleState();
  const notifyError = useNotifyError(type);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const { data } = useQuery({ queryKey: ['printForms'], queryFn: () => api().PrintForms(), staleTime: Infinity });
  const choices = printChoices(data?.printForms ?? [], printDocumentType(type), locale).filter((choice) => !pdfOnly || choice.format === 'pdf');
  if (!choices.length) return null;

  const open = async (choice: PrintChoice) => {
    setAnchor(null);
    // the tab opens at the click, so no popup blocker takes it; the link follows
    const tab = window.open('', '_blank');
    try {
      const url = await link(choice);
      if (tab) tab.location.href = url;
      else window.location.assign(url);
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
