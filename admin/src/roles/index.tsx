import CheckIcon from '@mui/icons-material/Check';
import SecurityIcon from '@mui/icons-material/Security';
import { Card, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useTranslate } from 'react-admin';
import { api } from '../providers/session';

/** The permission matrix as the server enforces it: one row per permission, one column per role. */
const RoleMatrix = () => {
  const translate = useTranslate();
  const { data, isPending, error } = useQuery({ queryKey: ['permissionMatrix'], queryFn: () => api().PermissionMatrix() });
  if (isPending) return <Loading />;
  if (error || !data) return <p>{String(error)}</p>;
  const rows = data.permissionMatrix;
  const permissions = [...new Set(rows.flatMap((r) => r.permissions))].sort();
  return (
    <Card sx={{ mt: 2, overflowX: 'auto' }}>
      <Title title={translate('tradebook.roles.title')} />
      <Table size="small" aria-label={translate('tradebook.roles.title')}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('tradebook.roles.permission')}</TableCell>
            {rows.map((r) => (
              <TableCell key={r.role} align="center">
                {translate(`enums.Role.${r.role}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {permissions.map((permission) => (
            <TableRow key={permission}>
              <TableCell>{permission}</TableCell>
              {rows.map((r) => (
                <TableCell key={r.role} align="center">
                  {r.permissions.includes(permission) ? <CheckIcon fontSize="small" titleAccess={permission} /> : ''}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
};

export default {
  name: 'Role',
  list: RoleMatrix,
  icon: SecurityIcon,
  permissions: { read: 'user:update' },
};
