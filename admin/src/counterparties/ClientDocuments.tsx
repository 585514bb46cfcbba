import { Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useRecordContext, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { useDayFormat, useMoneyFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';

const PER_PAGE = 20;
const NEWEST = [{ field: 'date', order: 'DESC' as const }];

interface Row {
  id: string;
  number: string;
  date?: string | null;
  status: string;
  total: string;
}

/** Per kind of document: who may read it, its screen, the enum of its status and how to read the client's newest ones. */
const SECTIONS: { key: string; permission: string; resource: string; statusEnum: string; read: (clientId: string) => Promise<{ items: Row[]; total: number }> }[] = [
  { key: 'orders', permission: 'order:read', resource: 'Order', statusEnum: 'OrderStatus', read: async (clientId) => (await api().Orders({ filter: { clientId }, sort: NEWEST, perPage: PER_PAGE })).orders },
  { key: 'shipments', permission: 'shipment:read', resource: 'Shipment', statusEnum: 'DocumentStatus', read: async (clientId) => (await api().Shipments({ filter: { clientId }, sort: NEWEST, perPage: PER_PAGE })).shipments },
  {
    key: 'returns',
    permission: 'customerReturn:read',
    resource: 'CustomerReturn',
    statusEnum: 'DocumentStatus',
    read: async (clientId) => (await api().CustomerReturns({ filter: { clientId }, perPage: PER_PAGE })).customerReturns,
  },
  { key: 'invoices', permission: 'invoice:read', resource: 'Invoice', statusEnum: 'DocumentStatus', read: async (clientId) => (await api().Invoices({ filter: { clientId }, sort: NEWEST, perPage: PER_PAGE })).invoices },
  {
    key: 'payments',
    permission: 'payment:read',
    resource: 'IncomingPayment',
    statusEnum: 'DocumentStatus',
    read: async (clientId) => {
      const page = (await api().IncomingPayments({ filter: { clientId }, sort: NEWEST, perPage: PER_PAGE })).incomingPayments;
      return { total: page.total, items: page.items.map((p) => ({ ...p, total: p.amount })) };
    },
  },
];

const Section = ({ clientId, section }: { clientId: string; section: (typeof SECTIONS)[number] }) => {
  const translate = useTranslate();
  const money = useMoneyFormat();
  const day = useDayFormat();
  const { data } = useQuery({ queryKey: ['Counterparty', 'documents', section.key, clientId], queryFn: () => section.read(clientId), refetchOnMount: 'always' });
  return (
    <div data-testid={`client-documents-${section.key}`}>
      <Typography variant="subtitle1" sx={{ fontWeight: 500 }}>
        {translate(`tradebook.clientDocuments.${section.key}`)}
        {data && data.total > data.items.length && ` (${data.items.length} / ${data.total})`}
      </Typography>
      {data?.items.length === 0 ? (
        <Typography sx={{ color: 'text.secondary' }}>{translate('tradebook.clientDocuments.none')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('tradebook.clientDocuments.number')}</TableCell>
              <TableCell>{translate('tradebook.clientDocuments.date')}</TableCell>
              <TableCell>{translate('tradebook.clientDocuments.status')}</TableCell>
              <TableCell align="right">{translate('tradebook.clientDocuments.total')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {(data?.items ?? []).map((row) => (
              <TableRow key={row.id}>
                <TableCell>
                  <Link to={`/${section.resource}/${row.id}/show`}>{row.number}</Link>
                </TableCell>
                <TableCell>{row.date ? day(row.date) : '—'}</TableCell>
                <TableCell>{translate(`enums.${section.statusEnum}.${row.status}`, { _: row.status })}</TableCell>
                <TableCell align="right">{money(row.total)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
};

/** The client's customer orders, shipments, returns, invoices and payments, the newest first, each linked; a kind the user may not read is left out. */
export const ClientDocuments = () => {
  const record = useRecordContext<{ id: string }>();
  const can = useCan();
  if (!record) return null;
  return (
    <Stack spacing={2}>
      {SECTIONS.filter((s) => can(s.permission)).map((section) => (
        <Section key={section.key} clientId={record.id} section={section} />
      ))}
    </Stack>
  );
};
