import { useResourceContext, useStore, useTranslate } from 'react-admin';
import { useDayFormat, useDecimalFormat, useMomentFormat, useMoneyFormat } from '../fields';
import { useCan } from '../permissions';
import type { Column, ColumnWords } from './columns';

/** Where react-admin's DataTable keeps the columns hidden by its column chooser. */
export const columnsStoreKey = (resource: string) => `${resource}.datatable`;

/** The columns the reader may see (cost only with cost:read). */
export function useAllowedColumns(columns: Column[]): Column[] {
  const can = useCan();
  return columns.filter((column) => !column.needs || can(column.needs));
}

/** The columns on screen: the allowed ones the column chooser shows. */
export function useVisibleColumns(columns: Column[]): Column[] {
  const resource = useResourceContext() ?? '';
  const allowed = useAllowedColumns(columns);
  const [hidden] = useStore<string[]>(columnsStoreKey(resource), allowed.filter((c) => c.hidden).map((c) => c.source));
  return allowed.filter((column) => !hidden.includes(column.source));
}

/** How column values read in the reader's language. */
export function useColumnWords(): ColumnWords {
  const translate = useTranslate();
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const day = useDayFormat();
  const moment = useMomentFormat();
  return { translate, money, decimal, day, moment };
}
