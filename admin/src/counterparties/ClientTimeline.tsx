import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import DescriptionIcon from '@mui/icons-material/Description';
import EventNoteIcon from '@mui/icons-material/EventNote';
import FlagIcon from '@mui/icons-material/Flag';
import HandshakeIcon from '@mui/icons-material/Handshake';
import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import PaymentsIcon from '@mui/icons-material/Payments';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import ShoppingCartIcon from '@mui/icons-material/ShoppingCart';
import StickyNote2Icon from '@mui/icons-material/StickyNote2';
import type { SvgIconComponent } from '@mui/icons-material';
import { Button as MuiButton, Stack, Typography } from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import type { TimelineKind } from '@tradebook/client';
import { api } from '../providers/sdk';
import { useMomentFormat, useMoneyFormat } from '../shared/fields';

const PER_PAGE = 20;

const ICONS: Record<TimelineKind, SvgIconComponent> = {
  NOTE: StickyNote2Icon,
  STATUS: FlagIcon,
  OWNER: ManageAccountsIcon,
  ACTIVITY: EventNoteIcon,
  DEAL: HandshakeIcon,
  ORDER: ShoppingCartIcon,
  SHIPMENT: LocalShippingIcon,
  RETURN: AssignmentReturnIcon,
  INVOICE: RequestQuoteIcon,
  PAYMENT: PaymentsIcon,
  DOCUMENT: DescriptionIcon,
};

/** Where an entry's subject opens in the console (a note or the client itself: nowhere, it is here). */
export function subjectPath(type: string, id: string): string | null {
  if (type === 'ClientNote' || type === 'Counterparty') return null;
  if (type === 'Activity' || type === 'Deal') return `/${type}/${id}`;
  return `/${type === 'CustomerOrder' ? 'Order' : type}/${id}/show`;
}

/** The enum a kind's title or detail holds, to word it (a status, an activity type, an order status). */
const WORDED: Partial<Record<TimelineKind, { title?: string; detail?: string }>> = {
  STATUS: { title: 'ClientStatus' },
  ACTIVITY: { detail: 'ActivityType' },
  ORDER: { detail: 'OrderStatus' },
};

/** The client's history, newest first, a page at a time: what happened, to what (linked), who and when. */
export const ClientTimeline = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const moment = useMomentFormat();
  const money = useMoneyFormat();
  const { data, fetchNextPage, hasNextPage, isFetchingNextPage } = useInfiniteQuery({
    queryKey: ['Counterparty', 'timeline', record?.id],
    queryFn: async ({ pageParam }) => (await api().ClientTimeline({ clientId: record!.id, page: pageParam, perPage: PER_PAGE })).clientTimeline,
    initialPageParam: 1,
    getNextPageParam: (last, pages) => (pages.length * PER_PAGE < last.total ? pages.length + 1 : undefined),
    enabled: !!record?.id,
    refetchOnMount: 'always',
  });
  if (!record) return null;
  const entries = data?.pages.flatMap((p) => p.items) ?? [];
  const word = (enumName: string | undefined, value: string | null) => (value && enumName ? translate(`enums.${enumName}.${value}`, { _: value }) : value);
  return (
    <Stack spacing={1.5}>
      {data && entries.length === 0 && <Typography sx={{ color: 'text.secondary' }}>{translate('tradebook.timeline.none')}</Typography>}
      {entries.map((entry) => {
        const Icon = ICONS[entry.kind];
        const path = subjectPath(entry.subjectType, entry.subjectId);
        const worded = WORDED[entry.kind] ?? {};
        const title = word(worded.title, entry.title);
        return (
          <Stack key={entry.id} direction="row" spacing={1.5} sx={{ alignItems: 'flex-start' }} data-testid="timeline-entry" data-kind={entry.kind}>
            <Icon color="action" titleAccess={translate(`enums.TimelineKind.${entry.kind}`)} />
            <div>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
                <Typography sx={{ fontWeight: 500 }}>
                  {translate(`enums.TimelineKind.${entry.kind}`)} · {translate(`tradebook.timeline.actions.${entry.action}`, { _: entry.action })}
                </Typography>
                {path ? <Link to={path}>{title}</Link> : <Typography sx={{ whiteSpace: 'pre-wrap' }}>{title}</Typography>}
                {entry.detail && entry.detail !== entry.title && <Typography sx={{ color: 'text.secondary' }}>{word(worded.detail, entry.detail)}</Typography>}
                {entry.amount != null && <Typography>{money(entry.amount)}</Typography>}
              </Stack>
              <Typography variant="caption" sx={{ color: 'text.secondary' }}>
                {entry.actor?.name ?? translate('tradebook.timeline.system')} · {moment(entry.occurredAt)}
              </Typography>
            </div>
          </Stack>
        );
      })}
      {hasNextPage && (
        <div>
          <MuiButton onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
            {translate('tradebook.timeline.more')}
          </MuiButton>
        </div>
      )}
    </Stack>
  );
};
