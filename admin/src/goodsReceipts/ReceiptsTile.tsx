import { BarChart } from '@mui/x-charts/BarChart';
import { Box } from '@mui/material';
import { useGetList, useTranslate } from 'react-admin';
import { Figure, TileCard } from '../dashboard/TileCard';
import { today, useDayFormat } from '../shared/fields';

const firstOfMonth = () => `${today().slice(0, 8)}01`;

/** The receipts posted this month, counted per day, and the drafts not yet posted. */
const ReceiptsTile = () => {
  const translate = useTranslate();
  const day = useDayFormat();
  const from = firstOfMonth();
  const { data: posted = [], total = 0 } = useGetList('GoodsReceipt', { filter: { status: 'POSTED', dateFrom: from }, sort: { field: 'date', order: 'ASC' }, pagination: { page: 1, perPage: 500 } });
  const { total: drafts = 0 } = useGetList('GoodsReceipt', { filter: { status: 'DRAFT' }, pagination: { page: 1, perPage: 1 } });
  const byDay = new Map<string, number>();
  for (const receipt of posted) byDay.set(receipt.date, (byDay.get(receipt.date) ?? 0) + 1);
  return (
    <TileCard title="tradebook.dashboard.receiptsThisMonth" testId="tile-receipts">
      <Box sx={{ display: 'flex', gap: 4 }}>
        <Figure value={total} label={translate('tradebook.dashboard.posted')} testId="receipts-posted" />
        <Figure value={drafts} label={translate('tradebook.dashboard.draftsCount')} testId="receipts-drafts" />
      </Box>
      {byDay.size > 0 && <BarChart height={160} xAxis={[{ scaleType: 'band', data: [...byDay.keys()].map((d) => day(d)) }]} series={[{ data: [...byDay.values()] }]} hideLegend />}
    </TileCard>
  );
};

export default ReceiptsTile;
