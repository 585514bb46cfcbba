import { List, ListItemButton, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useDataProvider, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { DOCUMENT_PERMISSIONS, type DocumentType } from '../shared/documents/documentTypes';
import { useDayFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { TileCard } from './TileCard';

interface Draft {
  id: string;
  number: string;
  date: string;
  type: DocumentType;
}

const QUEUE = 8;

/**
 * The work queue of drafts waiting to be posted, oldest first, of every document type the
 * user may post (a new document type joins by being listed in documentTypes.ts), with the count of each.
 */
export const DraftsTile = () => {
  const translate = useTranslate();
  const day = useDayFormat();
  const can = useCan();
  const dataProvider = useDataProvider();
  const types = (Object.keys(DOCUMENT_PERMISSIONS) as DocumentType[]).filter((type) => can(`${DOCUMENT_PERMISSIONS[type]}:post`));
  const { data } = useQuery({
    queryKey: ['dashboard', 'drafts', types],
    queryFn: async () => {
      const pages = await Promise.all(
        types.map(async (type) => {
          const { data: rows, total } = await dataProvider.getList(type, { filter: { status: 'DRAFT' }, sort: { field: 'date', order: 'ASC' }, pagination: { page: 1, perPage: QUEUE } });
          return { type, total: total ?? rows.length, rows: rows.map((row) => ({ id: row.id, number: row.number, date: row.date, type }) as Draft) };
        }),
      );
      const oldest = pages.flatMap((page) => page.rows).sort((a, b) => a.date.localeCompare(b.date)).slice(0, QUEUE);
      return { counts: pages.filter((page) => page.total > 0), oldest };
    },
  });
  return (
    <TileCard title="tradebook.dashboard.drafts" testId="tile-drafts">
      {data && !data.oldest.length && <Typography color="text.secondary">{translate('tradebook.dashboard.noDrafts')}</Typography>}
      {data && data.counts.length > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="drafts-counts">
          {data.counts.map((page) => `${translate(`resources.${page.type}.name`, { smart_count: 2 })}: ${page.total}`).join(' · ')}
        </Typography>
      )}
      <List dense disablePadding>
        {data?.oldest.map((draft) => (
          <ListItemButton key={`${draft.type}:${draft.id}`} component={Link} to={`/${draft.type}/${encodeURIComponent(draft.id)}/show`}>
            <ListItemText primary={`${translate(`resources.${draft.type}.name`, { smart_count: 1 })} ${draft.number}`} secondary={day(draft.date)} />
          </ListItemButton>
        ))}
      </List>
    </TileCard>
  );
};
