import { Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../providers/authProvider';
import { resources } from '../resources';

/** The user's name and a shortcut to every screen they may open. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Permissions>();
  const visible = resources.filter((r) => permissions?.can(r.permissions.read));
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="h5" gutterBottom>
          {translate('tradebook.dashboard.welcome', { name: identity?.fullName ?? '' })}
        </Typography>
        <Typography color="text.secondary">{translate('tradebook.dashboard.subtitle')}</Typography>
        <Typography color="text.secondary" gutterBottom>
          {translate('tradebook.dashboard.roles', { roles: (permissions?.roles ?? []).map((r) => translate(`enums.Role.${r}`)).join(', ') })}
        </Typography>
        <Typography variant="h6" sx={{ mt: 2 }}>
          {translate('tradebook.dashboard.shortcuts')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', mt: 1 }} useFlexGap>
          {visible.map((r) => (
            <Button key={r.name} component={Link} to={`/${r.name}`} variant="outlined" startIcon={<r.icon />}>
              {translate(`resources.${r.name}.name`, { smart_count: 2 })}
            </Button>
          ))}
          {visible.some((r) => r.name === 'Product') && permissions?.can('product:create') && (
            <Button component={Link} to="/Product/create" variant="contained">
              {translate('ra.action.create')} · {translate('resources.Product.name', { smart_count: 1 })}
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
};
