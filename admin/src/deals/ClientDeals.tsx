import { Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { CreateButton, Link, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { useDayFormat, useMoneyFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';

/** A client's deals, newest first, each with its stage, amount and expected close; Add opens a deal already of this client. */
export const ClientDeals = () => {
  const record = useRecordContext<{ id: string }>();
  const can = useCan();
  const translate = useTranslate();
  const money = useMoneyFormat();
  const day = useDayFormat();
  const { data } = useQuery({
    queryKey: ['Counterparty', 'deals', record?.id],
    queryFn: async () => (await api().ClientDeals({ id: record!.id })).counterparty?.deals ?? [],
    enabled: !!record?.id,
    refetchOnMount: 'always',
  });
  if (!record) return null;
  return (
    <Stack spacing={1}>
      {can('deal:create') && <CreateButton resource="Deal" state={{ record: { clientId: record.id } }} label="tradebook.deals.add" />}
      {data?.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{translate('tradebook.deals.none')}</Typography>}
      {(data ?? []).map((deal) => (
        <Stack key={deal.id} direction="row" spacing={2} sx={{ alignItems: 'center' }} data-testid="client-deal">
          <Link to={`/Deal/${deal.id}`}>{deal.title}</Link>
          <Typography>{deal.stage.name}</Typography>
          <Typography>{money(deal.amount)}</Typography>
          <Typography sx={{ color: 'text.secondary' }}>{day(deal.expectedCloseDate)}</Typography>
          <Typography sx={{ color: 'text.secondary' }}>{deal.owner.name}</Typography>
        </Stack>
      ))}
    </Stack>
  );
};
