import { Button as MuiButton, Chip, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { CreateButton, EditButton, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { channelsText } from '../contacts/channels';
import { api } from '../providers/sdk';
import { useMomentFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useNotifyError } from '../shared/useNotifyError';

export { ClientDeals } from '../deals/ClientDeals';

type Contact = { id: string; name: string; position?: string | null; channels: { type: string; value: string; primary: boolean }[] };
type Note = { id: string; text: string; createdAt: string; author: { name: string } };

/** The client's people and notes with what a card's own read leaves out (channels, authors' names); read afresh whenever a tab opens. */
const useClientProfile = (id: string | undefined) =>
  useQuery({
    queryKey: ['Counterparty', 'profile', id],
    queryFn: async () => (await api().ClientProfile({ id: id! })).counterparty,
    enabled: !!id,
    refetchOnMount: 'always',
  });

/** The client's people each with its primary channels; Add opens a contact already of this client and comes back here. */
export const ClientContacts = () => {
  const record = useRecordContext<{ id: string; updatedAt?: string }>();
  const can = useCan();
  const translate = useTranslate();
  const contacts: Contact[] | null | undefined = useClientProfile(record?.id).data?.contacts;
  if (!record) return null;
  return (
    <Stack spacing={1}>
      {can('contact:create') && <CreateButton resource="Contact" state={{ record: { counterpartyId: record.id } }} label="tradebook.crm.addContact" />}
      {contacts?.length === 0 && <Typography sx={{ color: "text.secondary" }}>{translate('tradebook.crm.noContacts')}</Typography>}
      {(contacts ?? []).map((contact) => (
        <Stack key={contact.id} direction="row" spacing={2} sx={{ alignItems: "center" }} data-testid="client-contact">
          <Typography sx={{ fontWeight: 500 }}>{contact.name}</Typography>
          <Typography sx={{ color: "text.secondary" }}>{contact.position}</Typography>
          <Typography>{channelsText(contact.channels)}</Typography>
          {can('contact:update') && <EditButton resource="Contact" record={contact} />}
        </Stack>
      ))}
    </Stack>
  );
};

/** Notes about the client, newest first, with who wrote them and when; a box to add one. */
export const ClientNotes = () => {
  const record = useRecordContext<{ id: string }>();
  const can = useCan();
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const notes: Note[] | null | undefined = useClientProfile(record?.id).data?.notes;
  const [text, setText] = useState('');
  if (!record) return null;
  const add = async () => {
    try {
      await api().AddClientNote({ counterpartyId: record.id, text });
      setText('');
      notify('tradebook.crm.noteAdded', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['Counterparty', 'profile', record.id] });
    } catch (error) {
      notifyError(error);
    }
  };
  return (
    <Stack spacing={1.5}>
      {can('clientNote:create') && (
        <Stack direction="row" spacing={1} sx={{ alignItems: "flex-start" }}>
          <MuiTextField label={translate('tradebook.crm.note')} value={text} onChange={(e) => setText(e.target.value)} multiline minRows={2} fullWidth size="small" />
          <MuiButton variant="contained" disabled={!text.trim()} onClick={add}>
            {translate('tradebook.crm.addNote')}
          </MuiButton>
        </Stack>
      )}
      {(notes ?? []).map((note) => (
        <div key={note.id} data-testid="client-note">
          <Typography variant="caption" sx={{ color: "text.secondary" }}>
            {note.author.name} · {new Date(note.createdAt).toLocaleString()}
          </Typography>
          <Typography sx={{ whiteSpace: 'pre-wrap' }}>{note.text}</Typography>
        </div>
      ))}
    </Stack>
  );
};

/** The client's latest activities, the newest due first; Plan opens a new activity already of this client and comes back here. */
export const ClientActivities = () => {
  const record = useRecordContext<{ id: string }>();
  const can = useCan();
  const translate = useTranslate();
  const moment = useMomentFormat();
  const { data } = useQuery({
    queryKey: ['Counterparty', 'activities', record?.id],
    queryFn: async () => (await api().ClientActivities({ id: record!.id, limit: 50 })).counterparty?.activities,
    enabled: !!record?.id,
    refetchOnMount: 'always',
  });
  if (!record) return null;
  return (
    <Stack spacing={1}>
      {can('activity:create') && <CreateButton resource="Activity" state={{ record: { clientId: record.id } }} label="tradebook.activity.add" />}
      {data?.length === 0 && <Typography sx={{ color: "text.secondary" }}>{translate('tradebook.activity.none')}</Typography>}
      {(data ?? []).map((activity) => (
        <Stack key={activity.id} direction="row" spacing={2} sx={{ alignItems: "center" }} data-testid="client-activity">
          <Typography sx={{ minWidth: 130 }}>{moment(activity.dueAt)}</Typography>
          <Chip size="small" label={translate(`enums.ActivityType.${activity.type}`)} />
          <Typography component={Link} to={`/Activity/${activity.id}`} sx={{ fontWeight: 500 }}>{activity.subject}</Typography>
          <Typography sx={{ color: "text.secondary" }}>{activity.assignee.name}</Typography>
          <Typography>{translate(`enums.ActivityStatus.${activity.status}`)}</Typography>
          {activity.overdue && <Chip size="small" color="error" label={translate('tradebook.activity.overdue')} />}
        </Stack>
      ))}
    </Stack>
  );
};
