import { Box, Button as MuiButton, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { AutocompleteArrayInput, Form, ReferenceArrayInput, ResourceContextProvider, Title, useGetIdentity, useLocaleState, useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { api } from '../providers/sdk';
import { errorMessage } from '../shared/errors';
import { intlLocale, today, useDayFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { localDateOf, mondayOf, shiftDate } from './agendaDates';

/** Tells the page whom the form has picked. */
const WatchAssignees = ({ onChange }: { onChange: (ids: string[]) => void }) => {
  const ids = useWatch({ name: 'assigneeIds' }) as string[] | undefined;
  useEffect(() => onChange(ids ?? []), [ids, onChange]);
  return null;
};


/**
 * The team calendar: a week (Monday to Sunday) of planned and done activities, a row per
 * person and a column per day. Everyone sees their own; a head of sales picks colleagues.
 */
const Calendar = () => {
  const translate = useTranslate();
  const day = useDayFormat();
  const [locale] = useLocaleState();
  const clock = new Intl.DateTimeFormat(intlLocale(locale), { hour: '2-digit', minute: '2-digit' });
  const time = (moment: string) => clock.format(new Date(moment));
  const can = useCan();
  const { identity } = useGetIdentity();
  const [monday, setMonday] = useState(mondayOf(today()));
  const [picked, setPicked] = useState<string[]>([]);
  const assigneeIds = picked.length ? picked : identity ? [String(identity.id)] : [];
  const days = Array.from({ length: 7 }, (_, i) => shiftDate(monday, i));
  const { data, error } = useQuery({
    queryKey: ['ActivityCalendar', monday, assigneeIds],
    queryFn: async () => (await api().ActivityCalendar({ from: monday, to: days[6], assigneeIds })).activityCalendar,
    enabled: assigneeIds.length > 0,
    refetchOnMount: 'always',
  });
  const people = [...new Map((data ?? []).map((a) => [a.assignee.id, a.assignee.name])).entries()];
  return (
    <ResourceContextProvider value="ActivityCalendar">
      <Card sx={{ mt: 1 }}>
        <Title title="tradebook.calendar.title" />
        <CardContent>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' }, mb: 2 }}>
            <MuiButton size="small" onClick={() => setMonday(shiftDate(monday, -7))}>{translate('tradebook.agenda.previous')}</MuiButton>
            <Typography data-testid="calendar-week">{`${day(days[0])} – ${day(days[6])}`}</Typography>
            <MuiButton size="small" onClick={() => setMonday(shiftDate(monday, 7))}>{translate('tradebook.agenda.next')}</MuiButton>
            <MuiButton size="small" onClick={() => setMonday(mondayOf(today()))}>{translate('tradebook.agenda.today')}</MuiButton>
            {can('user:read') && (
              <Box sx={{ minWidth: 320 }}>
                <Form>
                  <ReferenceArrayInput source="assigneeIds" reference="User" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
                    <AutocompleteArrayInput optionText="name" helperText="tradebook.calendar.whoHelp" />
                  </ReferenceArrayInput>
                  <WatchAssignees onChange={setPicked} />
                </Form>
              </Box>
            )}
          </Stack>
          {error && <Typography color="error">{errorMessage(error)}</Typography>}
          {data && !data.length && <Typography sx={{ color: 'text.secondary' }}>{translate('tradebook.agenda.empty')}</Typography>}
          {!!people.length && (
            <Table size="small" className="activity-calendar">
              <TableHead>
                <TableRow>
                  <TableCell />
                  {days.map((d) => (
                    <TableCell key={d}>{day(d)}</TableCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {people.map(([id, name]) => (
                  <TableRow key={id}>
                    <TableCell sx={{ fontWeight: 500 }}>{name}</TableCell>
                    {days.map((d) => (
                      <TableCell key={d} sx={{ verticalAlign: 'top' }}>
                        {(data ?? [])
                          .filter((a) => a.assignee.id === id && localDateOf(a.dueAt) === d)
                          .map((a) => (
                            <Typography key={a.id} variant="body2" component={Link} to={`/Activity/${a.id}`} sx={{ display: 'block', textDecoration: a.status === 'DONE' ? 'line-through' : undefined }}>
                              {time(a.dueAt)} {a.subject} · {a.client.name}
                            </Typography>
                          ))}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

export const list = Calendar;
