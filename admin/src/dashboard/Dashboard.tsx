import { Box, Grid, Typography } from '@mui/material';
import { lazy, Suspense } from 'react';
import { Loading, Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../providers/authProvider';
import { resources } from '../resources';
import { DOCUMENT_PERMISSIONS } from '../shared/documents/documentTypes';
import type { Tile } from './tiles';

/** The dashboard's own tile: drafts of every document type waiting to be posted. */
const DASHBOARD_TILES: Tile[] = [
  {
    id: 'drafts',
    needs: [],
    order: 15,
    shownTo: (can) => Object.values(DOCUMENT_PERMISSIONS).some((permission) => can(`${permission}:post`)),
    component: lazy(() => import('./DraftsTile').then((m) => ({ default: m.DraftsTile }))),
  },
];

/**
 * The dashboard per role: the tiles of every area the user may see (figures, charts, work
 * queues), each area adding its own through its resource's `tiles`.
 */
const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<Permissions>();
  const can = (permission: string) => !!permissions?.can(permission);
  const tiles = [...resources.flatMap((r) => (can(r.permissions.read) ? (r.tiles ?? []) : [])), ...DASHBOARD_TILES]
    .filter((tile) => tile.needs.every(can) && (tile.shownTo?.(can) ?? true))
    .sort((a, b) => a.order - b.order);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('tradebook.dashboard.welcome', { name: identity?.fullName ?? '' })}
      </Typography>
      <Typography color="text.secondary" gutterBottom>
        {translate('tradebook.dashboard.roles', { roles: (permissions?.roles ?? []).map((r) => translate(`enums.Role.${r}`)).join(', ') })}
      </Typography>
      <Grid container spacing={2} sx={{ mt: 1 }}>
        {tiles.map(({ id, wide, component: Component }) => (
          <Grid key={id} size={{ xs: 12, md: wide ? 12 : 6, lg: wide ? 8 : 4 }}>
            <Suspense fallback={<Loading />}>
              <Component />
            </Suspense>
          </Grid>
        ))}
      </Grid>
    </Box>
  );
};

export default Dashboard;
