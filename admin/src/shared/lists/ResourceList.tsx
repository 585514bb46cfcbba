import { useMediaQuery, type Theme } from '@mui/material';
import type { ReactElement, ReactNode } from 'react';
import {
  ColumnsButton, CreateButton, DataTable, FilterButton, List, Pagination, SearchInput, SimpleList, TopToolbar, useListContext, useResourceContext, useTranslate,
  type RowClickFunction, type SortPayload,
} from 'react-admin';
import { useCan } from '../permissions';
import { cellOf } from './cells';
import { columnText, kindOf, NUMERIC_KINDS, type Column } from './columns';
import { ExportMenu } from './ExportMenu';
import { useAllowedColumns, useColumnWords, useVisibleColumns } from './useColumns';

type RowClick = 'edit' | 'show' | false | RowClickFunction;

export interface ResourceListProps {
  columns: Column[];
  /** The filters besides the free-text search; those without `alwaysOn` are behind Add filter, whose menu also saves and recalls queries. */
  filters?: ReactElement[];
  /** A free-text search box first (`q`); off for a report whose API has none. */
  search?: boolean;
  sort?: SortPayload;
  rowClick?: RowClick;
  /** The permission that shows Create. */
  createPermission?: string;
  /** Buttons beside Create, for those who may create (import, reprice…). */
  actions?: ReactNode;
  /** What can be done to the rows selected: nothing unless given (the API changes one record per call, and says per record why not). */
  bulkActions?: ReactNode;
  /** A phone's line of a record: the first column and the next two by default. */
  mobile?: { primary?: (record: any) => ReactNode; secondary?: (record: any) => ReactNode; tertiary?: (record: any) => ReactNode };
  aside?: ReactElement;
  perPage?: number;
  filterDefaultValues?: Record<string, unknown>;
  /** The page of a list with nothing in it at all, or `false` for none (a report keeps its filters on screen). */
  empty?: ReactElement | false;
  /** What the table says when no row matches (a report before its filters are chosen). */
  tableEmpty?: ReactElement;
  /** Marks the table for tests (`stock-balances`). */
  className?: string;
  /** Below the table (a report's totals). */
  children?: ReactNode;
  /** Whether the list pages (a report of a few dozen rows does not). */
  pagination?: boolean;
}

const ListActions = ({ columns, hasFilters, createPermission, actions, phone }: Pick<ResourceListProps, 'columns' | 'createPermission' | 'actions'> & { hasFilters: boolean; phone: boolean }) => {
  const can = useCan();
  const mayCreate = !!createPermission && can(createPermission);
  return (
    <TopToolbar sx={{ flexWrap: 'wrap', minHeight: 'auto' }}>
      {hasFilters && <FilterButton />}
      {!phone && <ColumnsButton />}
      {mayCreate && <CreateButton />}
      {mayCreate && actions}
      <ExportMenu columns={columns} />
    </TopToolbar>
  );
};

/** A phone's list: a line per record, from the visible columns in the reader's words. */
const PhoneList = ({ columns, rowClick, mobile }: { columns: Column[]; rowClick: RowClick; mobile: ResourceListProps['mobile'] }) => {
  const visible = useVisibleColumns(columns);
  const words = useColumnWords();
  const text = (column: Column | undefined) => (record: Record<string, unknown>) => (column ? columnText(record, column, words) : '');
  const [first, second, third] = visible;
  return (
    <SimpleList
      className="phone-list"
      primaryText={mobile?.primary ?? text(first)}
      secondaryText={mobile?.secondary ?? text(second)}
      tertiaryText={mobile?.tertiary ?? text(third)}
      rowClick={rowClick === false ? false : rowClick}
    />
  );
};

const Table = ({ columns, rowClick, bulkActions, className, tableEmpty }: Pick<ResourceListProps, 'columns' | 'bulkActions' | 'className' | 'tableEmpty'> & { rowClick: RowClick }) => {
  const resource = useResourceContext() ?? '';
  const translate = useTranslate();
  const allowed = useAllowedColumns(columns);
  return (
    <DataTable rowClick={rowClick} bulkActionButtons={bulkActions ?? false} hiddenColumns={allowed.filter((c) => c.hidden).map((c) => c.source)} className={className} empty={tableEmpty}>
      {allowed.map((column) => (
        <DataTable.Col
          key={column.source}
          source={column.source}
          label={translate(column.label ?? `resources.${resource}.fields.${column.source}`, { _: column.source })}
          disableSort={column.sortable === false || (kindOf(column) === 'custom' && column.sortable !== true)}
          align={NUMERIC_KINDS.includes(kindOf(column)) ? 'right' : undefined}
        >
          {cellOf(column)}
        </DataTable.Col>
      ))}
    </DataTable>
  );
};

/** react-admin's count line as "1–25 of 140" in the reader's language, with page sizes for lists and reports alike. */
const ListPagination = () => <Pagination rowsPerPageOptions={[10, 25, 50, 100, 500]} />;

/** Renders nothing but makes an empty page of a filtered list say so instead of showing the create prompt. */
const Body = (props: ResourceListProps & { phone: boolean; rowClick: RowClick }) => {
  const { isPending } = useListContext();
  if (props.phone) return <PhoneList columns={props.columns} rowClick={props.rowClick} mobile={props.mobile} />;
  return (
    <>
      <Table columns={props.columns} rowClick={props.rowClick} bulkActions={isPending ? false : props.bulkActions} className={props.className} tableEmpty={props.tableEmpty} />
      {props.children}
    </>
  );
};

/**
 * Every list and report of the console: free-text search, every declared filter reachable
 * (Add filter, which also saves and recalls queries), sorting through the API on every column
 * that can sort, paging, the actions on selected rows the API has, a column chooser, export to
 * Excel and CSV of what is shown; on a phone a line per record instead of the table.
 */
export const ResourceList = (props: ResourceListProps) => {
  const phone = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const { columns, filters = [], search = true, sort, rowClick = false, perPage = 25, aside, filterDefaultValues, empty, pagination = true } = props;
  const allFilters = [...(search ? [<SearchInput key="q" source="q" alwaysOn />] : []), ...filters];
  return (
    <List
      filters={allFilters.length ? allFilters : undefined}
      actions={<ListActions columns={columns} hasFilters={allFilters.length > 0} createPermission={props.createPermission} actions={props.actions} phone={phone} />}
      sort={sort}
      perPage={perPage}
      aside={phone ? undefined : aside}
      filterDefaultValues={filterDefaultValues}
      empty={empty}
      pagination={pagination ? <ListPagination /> : false}
      sx={{ '& .RaList-main': { minWidth: 0 } }}
    >
      <Body {...props} phone={phone} rowClick={rowClick} />
    </List>
  );
};
