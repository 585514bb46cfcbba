import { Card, CardContent, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { useMomentFormat } from '../shared/fields';

/** Beside a deal's form: its draft order once won, and every move between stages with who made it and when. */
export const DealHistory = () => {
  const record = useRecordContext<{ id: string; version: number; orderId?: string | null }>();
  const translate = useTranslate();
  const moment = useMomentFormat();
  const { data } = useQuery({
    queryKey: ['Deal', 'history', record?.id, record?.version],
    queryFn: async () => (await api().Deal({ id: record!.id })).deal?.stageChanges ?? [],
    enabled: !!record?.id,
  });
  if (!record) return null;
  return (
    <Card sx={{ ml: 2, minWidth: 260, alignSelf: 'flex-start' }}>
      <CardContent>
        {record.orderId && (
          <Typography sx={{ mb: 1 }}>
            {translate('tradebook.deals.order')}: <Link to={`/Order/${record.orderId}/show`} data-testid="deal-order">{translate('tradebook.deals.openOrder')}</Link>
          </Typography>
        )}
        <Typography variant="subtitle2">{translate('tradebook.deals.history')}</Typography>
        <Stack spacing={0.5}>
          {(data ?? []).map((change, i) => (
            <Typography key={i} variant="body2" data-testid="deal-stage-change">
              {change.fromStage ? `${change.fromStage.name} → ` : ''}{change.toStage.name} · {change.changedBy.name} · {moment(change.changedAt)}
            </Typography>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
};
