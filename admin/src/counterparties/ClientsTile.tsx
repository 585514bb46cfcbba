import { Box } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Figure, TileCard } from '../dashboard/TileCard';

/** How many active clients and suppliers the user may see. */
const ClientsTile = () => {
  const translate = useTranslate();
  const { total: clients = 0 } = useGetList('Counterparty', { filter: { role: 'CLIENT', active: true }, pagination: { page: 1, perPage: 1 } });
  const { total: suppliers = 0 } = useGetList('Counterparty', { filter: { role: 'SUPPLIER', active: true }, pagination: { page: 1, perPage: 1 } });
  return (
    <TileCard title="tradebook.dashboard.counterparties" testId="tile-clients">
      <Box sx={{ display: 'flex', gap: 4 }}>
        <Figure value={clients} label={translate('tradebook.dashboard.clients')} testId="clients-count" />
        <Figure value={suppliers} label={translate('tradebook.dashboard.suppliers')} testId="suppliers-count" />
      </Box>
    </TileCard>
  );
};

export default ClientsTile;
