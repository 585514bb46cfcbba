import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Button as MuiButton, IconButton, ListItemText, Menu, MenuItem, Stack, Tooltip, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createClient } from 'graphql-ws';
import { useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { graphqlUrl, session } from '../providers/session';
import { useMomentFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';
import { assignmentNotice, burstCollector, type Assignment } from './assignmentBurst';

const REMINDER_DUE = 'subscription { reminderDue { reminderId title remindAt activityId } }';
const ACTIVITY_ASSIGNED = 'subscription { activityAssigned { activityId subject clientName assignedByName } }';
const KEY = ['myReminders'];
/** Assignments arriving within this long of the first are told together. */
const ASSIGNMENT_BURST_MS = 600;

/**
 * Listens over graphql-ws while the console is open: the signed-in user's reminders (each
 * told, the bell re-read) and activities colleagues give them (told, those arriving together in one notice).
 */
const useLiveReminders = (enabled: boolean) => {
  const notify = useNotify();
  const queryClient = useQueryClient();
  useEffect(() => {
    const token = session.token();
    if (!enabled || !token) return undefined;
    const client = createClient({ url: graphqlUrl.replace(/^http/, 'ws'), connectionParams: { token }, retryAttempts: Infinity, shouldRetry: () => true });
    const stop = client.subscribe<{ reminderDue: { reminderId: string; title: string } }>(
      { query: REMINDER_DUE },
      {
        next: ({ data }) => {
          if (data) notify('tradebook.reminders.due', { type: 'info', messageArgs: { title: data.reminderDue.title } });
          void queryClient.invalidateQueries({ queryKey: KEY });
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    // a handover gives many activities at once: they are told in one notice, not one each
    const assigned = burstCollector<Assignment>(ASSIGNMENT_BURST_MS, (burst) => {
      const { key, args } = assignmentNotice(burst);
      notify(key, { type: 'info', messageArgs: args });
    });
    const stopAssigned = client.subscribe<{ activityAssigned: Assignment }>(
      { query: ACTIVITY_ASSIGNED },
      {
        next: ({ data }) => data && assigned.push(data.activityAssigned),
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return () => {
      stop();
      stopAssigned();
      assigned.stop();
      void client.dispose();
    };
  }, [enabled, notify, queryClient]);
};

/**
 * The bell in the app bar: how many reminders are due and unread, arriving live; opened, it
 * lists them with Read and Snooze (10 minutes, an hour, a day).
 */
export const ReminderBell = () => {
  const can = useCan();
  const allowed = can('reminder:read');
  const translate = useTranslate();
  const moment = useMomentFormat();
  const notifyError = useNotifyError('Reminder');
  const queryClient = useQueryClient();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  useLiveReminders(allowed);
  const { data } = useQuery({ queryKey: KEY, queryFn: async () => (await api().MyReminders({ status: 'DUE', perPage: 20 })).myReminders, enabled: allowed, refetchInterval: 60_000 });
  if (!allowed) return null;
  const act = async (call: () => Promise<unknown>) => {
    try {
      await call();
      await queryClient.invalidateQueries({ queryKey: KEY });
    } catch (error) {
      await notifyError(error);
    }
  };
  const items = data?.items ?? [];
  const label = translate('tradebook.reminders.bell', { smart_count: data?.total ?? 0 });
  return (
    <>
      <Tooltip title={label}>
        <IconButton color="inherit" onClick={(e) => setAnchor(e.currentTarget)} aria-label={label} data-testid="reminder-bell">
          <Badge badgeContent={data?.total || null} color="error" data-testid="reminder-count">
            <NotificationsIcon />
          </Badge>
        </IconButton>
      </Tooltip>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {!items.length && (
          <MenuItem disabled>
            <Typography>{translate('tradebook.reminders.none')}</Typography>
          </MenuItem>
        )}
        {items.map((r) => (
          <MenuItem key={r.id} disableRipple sx={{ display: 'block', cursor: 'default' }} data-testid="reminder-item">
            <ListItemText primary={r.title} secondary={moment(r.remindAt)} />
            <Stack direction="row" spacing={1}>
              <MuiButton size="small" onClick={() => act(() => api().MarkReminderRead({ id: r.id }))}>
                {translate('tradebook.reminders.read')}
              </MuiButton>
              {[10, 60, 1440].map((minutes) => (
                <MuiButton key={minutes} size="small" onClick={() => act(() => api().SnoozeReminder({ id: r.id, minutes }))}>
                  {translate(`tradebook.reminders.snooze${minutes}`)}
                </MuiButton>
              ))}
            </Stack>
          </MenuItem>
        ))}
      </Menu>
    </>
  );
};
