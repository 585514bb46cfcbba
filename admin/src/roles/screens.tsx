import CheckIcon from '@mui/icons-material/Check';
import { Box, Card, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { errorMessage } from '../shared/errors';

/** "product:read" as the reader says it: "Products: read" (tradebook.permissions.<resource>, tradebook.permissions.actions.<action>). */
export const usePermissionLabel = () => {
  const translate = useTranslate();
  return (permission: string) => {
    const [resource, action] = permission.split(':');
    return `${translate(`tradebook.permissions.${resource}`, { _: resource })}: ${translate(`tradebook.permissions.actions.${action}`, { _: action })}`;
  };
};

/** The permission matrix as the server enforces it: one row per permission, one column per role, both in the reader's words. */
export const list = () => {
  const translate = useTranslate();
  const label = usePermissionLabel();
  const { data, isPending, error } = useQuery({ queryKey: ['permissionMatrix'], queryFn: () => api().PermissionMatrix() });
  if (isPending) return <Loading />;
  if (error || !data) return <p>{errorMessage(error)}</p>;
  const rows = data.permissionMatrix;
  const permissions = [...new Set(rows.flatMap((r) => r.permissions))].sort();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('tradebook.roles.title')} />
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('tradebook.roles.title')} className="permission-matrix">
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
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{label(permission)}</TableCell>
                {rows.map((r) => (
                  <TableCell key={r.role} align="center">
                    {r.permissions.includes(permission) ? <CheckIcon fontSize="small" titleAccess={label(permission)} /> : ''}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
    </Card>
  );
};
