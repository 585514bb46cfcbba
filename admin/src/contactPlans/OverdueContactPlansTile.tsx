import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { Figure, TileCard } from '../dashboard/TileCard';
import { api } from '../providers/sdk';

/** Clients late with their contact plan, the latest first: the reader's own, or everyone's for a head of sales. */
const OverdueContactPlansTile = () => {
  const translate = useTranslate();
  const { data } = useQuery({ queryKey: ['dashboard', 'overdueContactPlans'], queryFn: () => api().OverdueContactPlans({}) });
  const rows = data?.overdueContactPlans ?? [];
  return (
    <TileCard title="tradebook.contactPlan.overdueTile" testId="tile-contact-plans-overdue">
      <Figure value={rows.length} label={translate('tradebook.contactPlan.overdueClients', { smart_count: rows.length })} testId="contact-plans-overdue" />
      {rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.ContactPlan.fields.clientId')}</TableCell>
              <TableCell>{translate('tradebook.contactPlan.owner')}</TableCell>
              <TableCell align="right">{translate('tradebook.contactPlan.daysOverdue')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.slice(0, 10).map((row) => (
              <TableRow key={row.clientId}>
                <TableCell>
                  <Link to={`/Counterparty/${encodeURIComponent(row.clientId)}`}>{row.clientName}</Link>
                </TableCell>
                <TableCell>{row.owner?.name ?? ''}</TableCell>
                <TableCell align="right">{row.daysOverdue}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </TileCard>
  );
};

export default OverdueContactPlansTile;
