import { Box, Button as MuiButton, Card, CardContent, Chip, Stack, TextField as MuiTextField, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Title, useGetIdentity, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { today, useDayFormat, useMomentFormat } from '../shared/fields';
import { localDateOf, shiftDate } from './agendaDates';

type Period = 'DAY' | 'WEEK';

/**
 * My agenda: the reader's planned and done activities of a day or of its ISO week (Monday to
 * Sunday, as the server counts them), by due time and grouped by day; each opens its activity.
 * A deputy's agenda holds the absent colleague's too, each marked with whose it is.
 */
const Agenda = () => {
  const translate = useTranslate();
  const day = useDayFormat();
  const moment = useMomentFormat();
  const { identity } = useGetIdentity();
  const [period, setPeriod] = useState<Period>('DAY');
  const [date, setDate] = useState(today());
  const { data: activities } = useQuery({
    queryKey: ['MyAgenda', period, date],
    queryFn: async () => (await api().MyAgenda({ period, date })).myAgenda,
    refetchOnMount: 'always',
  });
  const step = period === 'DAY' ? 1 : 7;
  const days = [...new Set((activities ?? []).map((a) => localDateOf(a.dueAt)))];
  return (
    <Card sx={{ mt: 1 }}>
      <Title title="tradebook.agenda.title" />
      <CardContent>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
          <ToggleButtonGroup exclusive size="small" value={period} onChange={(_, value: Period | null) => value && setPeriod(value)}>
            <ToggleButton value="DAY" data-testid="agenda-day">{translate('enums.AgendaPeriod.DAY')}</ToggleButton>
            <ToggleButton value="WEEK" data-testid="agenda-week">{translate('enums.AgendaPeriod.WEEK')}</ToggleButton>
          </ToggleButtonGroup>
          <MuiButton size="small" onClick={() => setDate(shiftDate(date, -step))}>{translate('tradebook.agenda.previous')}</MuiButton>
          <MuiTextField type="date" size="small" label={translate('resources.MyAgenda.fields.date')} value={date} onChange={(e) => e.target.value && setDate(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <MuiButton size="small" onClick={() => setDate(shiftDate(date, step))}>{translate('tradebook.agenda.next')}</MuiButton>
          <MuiButton size="small" onClick={() => setDate(today())}>{translate('tradebook.agenda.today')}</MuiButton>
        </Stack>
        {activities?.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{translate('tradebook.agenda.empty')}</Typography>}
        {days.map((d) => (
          <Box key={d} sx={{ mb: 2 }}>
            <Typography variant="subtitle2">{day(d)}</Typography>
            {(activities ?? [])
              .filter((a) => localDateOf(a.dueAt) === d)
              .map((a) => (
                <Stack key={a.id} direction="row" spacing={1.5} sx={{ alignItems: 'center', py: 0.5 }} data-testid="agenda-activity">
                  <Typography sx={{ minWidth: 130 }}>{moment(a.dueAt)}</Typography>
                  <Chip size="small" label={translate(`enums.ActivityType.${a.type}`)} />
                  <Typography component={Link} to={`/Activity/${a.id}`} sx={{ fontWeight: 500, textDecoration: a.status === 'DONE' ? 'line-through' : undefined }}>
                    {a.subject}
                  </Typography>
                  <Typography sx={{ color: 'text.secondary' }}>{a.client.name}</Typography>
                  {identity && a.assignee.id !== identity.id && <Chip size="small" variant="outlined" label={translate('tradebook.agenda.standIn', { name: a.assignee.name })} data-testid="agenda-stand-in" />}
                  {a.overdue && <Chip size="small" color="error" label={translate('tradebook.activity.overdue')} />}
                </Stack>
              ))}
          </Box>
        ))}
      </CardContent>
    </Card>
  );
};

export const list = Agenda;
