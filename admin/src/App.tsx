import { lazy, Suspense, type ReactNode } from 'react';
import { Admin, LoadingPage, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { theme } from './layout/theme';
import { authProvider, type Permissions } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { resources } from './resources';
import { NotAllowed, NotAllowedOrNotFound } from './shared/NotAllowed';
import { screenAccess } from './shared/screenAccess';

/** The frame, the dashboard and every screen load once signed in: the login page carries none of them. */
const LazyLayout = lazy(() => import('./layout/Layout'));
const Layout = ({ children }: { children: ReactNode }) => (
  <Suspense fallback={<LoadingPage />}>
    <LazyLayout>{children}</LazyLayout>
  </Suspense>
);
const Dashboard = lazy(() => import('./dashboard/Dashboard'));

/** The URL of a refused form, which react-admin would otherwise leave blank (or hand to the list or edit route). */
const REFUSED_PATHS = { create: 'create/*', edit: ':id/*' } as const;

export const App = () => (
  <Admin
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={theme}
    dashboard={Dashboard}
    catchAll={NotAllowedOrNotFound}
    title="Tradebook"
    requireAuth
    disableTelemetry
  >
    {(permissions: Permissions) =>
      resources
        .filter((r) => permissions?.can(r.permissions.read))
        .map(({ permissions: needs, menu: _menu, dataProvider: _data, tiles: _tiles, ...r }) => {
          const access = screenAccess({ ...r, permissions: needs }, permissions.can);
          return (
            <Resource key={r.name} {...r} create={access.create ? r.create : undefined} edit={access.edit ? r.edit : undefined}>
              {access.refused.map((screen) => (
                <Route key={screen} path={REFUSED_PATHS[screen]} element={<NotAllowed resource={r.name} screen={screen} />} />
              ))}
            </Resource>
          );
        })
    }
  </Admin>
);
