import DownloadIcon from '@mui/icons-material/GetApp';
import { Menu, MenuItem } from '@mui/material';
import { useState } from 'react';
import { Button, useDataProvider, useListContext, useLocaleState, useNotify, useResourceContext, useTranslate } from 'react-admin';
import { useColumnWords, useVisibleColumns } from './useColumns';
import { csvOf, csvStyle, exportTable, xlsxOf } from './exportTable';
import type { Column } from './columns';

/** The most rows an export reads, page by page. */
const MAX_ROWS = 10_000;
const PAGE = 500;

export function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const stamp = () => new Date().toISOString().slice(0, 10);

/**
 * Export of a list or report as it is shown: its filter and order, the columns the column
 * chooser shows, labelled and worded in the reader's language — to Excel (.xlsx, numbers
 * and dates as such) or to CSV that Excel opens (UTF-8 BOM; `;` and a decimal comma in Russian).
 */
export const ExportMenu = ({ columns }: { columns: Column[] }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const resource = useResourceContext() ?? '';
  const dataProvider = useDataProvider();
  const { filterValues, sort, total } = useListContext();
  const [locale] = useLocaleState();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const visible = useVisibleColumns(columns);
  const words = useColumnWords();
  const label = (column: Column) => translate(column.label ?? `resources.${resource}.fields.${column.source}`, { _: column.source });
  const title = translate(`resources.${resource}.name`, { smart_count: 2, _: resource });

  const rows = async () => {
    const records: Record<string, unknown>[] = [];
    for (let page = 1; records.length < MAX_ROWS; page++) {
      const { data, total: all } = await dataProvider.getList(resource, { filter: filterValues, sort, pagination: { page, perPage: PAGE } });
      records.push(...data);
      if (data.length < PAGE || (all !== undefined && records.length >= all)) break;
    }
    return exportTable(records, visible, visible.map(label), words);
  };

  const run = async (format: 'xlsx' | 'csv') => {
    setAnchor(null);
    setBusy(true);
    try {
      const table = await rows();
      const name = `${title}-${stamp()}.${format}`;
      if (format === 'xlsx') download(await xlsxOf(table, title, locale), name);
      else download(new Blob([csvOf(table, csvStyle(locale, (d) => words.day(d.toISOString().slice(0, 10)), (d) => words.moment(d.toISOString())))], { type: 'text/csv;charset=utf-8' }), name);
    } catch (error) {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button label="ra.action.export" onClick={(e) => setAnchor(e.currentTarget)} disabled={busy || total === 0} aria-haspopup="menu">
        <DownloadIcon />
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        <MenuItem onClick={() => run('xlsx')}>{translate('tradebook.export.xlsx')}</MenuItem>
        <MenuItem onClick={() => run('csv')}>{translate('tradebook.export.csv')}</MenuItem>
      </Menu>
    </>
  );
};
