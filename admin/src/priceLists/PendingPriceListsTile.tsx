import { List, ListItemButton, ListItemText } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { Figure, TileCard } from '../dashboard/TileCard';
import { useDayFormat } from '../shared/fields';

/** Draft price lists, oldest date first: how many, and the first few to open. */
const PendingPriceListsTile = () => {
  const translate = useTranslate();
  const day = useDayFormat();
  const { data = [], total = 0 } = useGetList('PriceList', { filter: { status: 'DRAFT' }, sort: { field: 'date', order: 'ASC' }, pagination: { page: 1, perPage: 5 } });
  return (
    <TileCard title="tradebook.dashboard.priceListsPending" testId="tile-price-lists">
      <Figure value={total} label={translate('tradebook.dashboard.draftsCount')} testId="price-lists-pending" />
      <List dense disablePadding>
        {data.map((list) => (
          <ListItemButton key={list.id} component={Link} to={`/PriceList/${encodeURIComponent(list.id)}/show`}>
            <ListItemText primary={`${list.number} · ${list.priceType?.code ?? ''}`} secondary={day(list.date)} />
          </ListItemButton>
        ))}
      </List>
    </TileCard>
  );
};

export default PendingPriceListsTile;
