import { Admin, Resource } from 'react-admin';
import { Dashboard } from './dashboard/Dashboard';
import { authProvider, type Permissions } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { i18nProvider } from './providers/i18nProvider';
import { resources } from './resources';

export const App = () => (
  <Admin dataProvider={dataProvider} authProvider={authProvider} i18nProvider={i18nProvider} dashboard={Dashboard} title="Tradebook" requireAuth disableTelemetry>
    {(permissions: Permissions) =>
      resources
        .filter((r) => permissions?.can(r.permissions.read))
        .map(({ permissions: needs, ...r }) => (
          <Resource
            key={r.name}
            {...r}
            create={needs.create && permissions.can(needs.create) ? r.create : undefined}
            // without edit rights a resource with a show view is read there; others open a read-only form
            edit={!r.show || (needs.edit && permissions.can(needs.edit)) ? r.edit : undefined}
          />
        ))
    }
  </Admin>
);
