import BlockIcon from '@mui/icons-material/Block';
import { Alert, AlertTitle, Card, CardActions, CardContent } from '@mui/material';
import { Button, LinkBase, NotFound, Title, useCreatePath, useLocation, useParams, useResourceDefinition, useTranslate } from 'react-admin';
import { resources } from '../resources';
import type { RefusedScreen } from './screenAccess';

/**
 * What a user sees on the URL of a screen their roles do not open (typed in, bookmarked, or
 * followed from a link): which one it is, and the way back to what they may read.
 */
export const NotAllowed = ({ resource, screen }: { resource: string; screen: RefusedScreen }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { hasShow } = useResourceDefinition({ resource });
  const { id } = useParams();
  const name = translate(`resources.${resource}.name`, { smart_count: 2, _: resource });
  return (
    <Card sx={{ mt: 2, maxWidth: 720 }} data-testid="not-allowed">
      <Title title={name} />
      <CardContent>
        <Alert severity="warning" icon={<BlockIcon />}>
          <AlertTitle>{translate(`tradebook.notAllowed.${screen}`, { name })}</AlertTitle>
          {translate('tradebook.notAllowed.help')}
        </Alert>
      </CardContent>
      <CardActions>
        {screen === 'list' ? (
          <Button component={LinkBase} label="ra.page.dashboard" to="/" />
        ) : (
          <>
            {screen === 'edit' && hasShow && id && <Button component={LinkBase} label="tradebook.notAllowed.openReadOnly" to={createPath({ resource, type: 'show', id })} />}
            <Button component={LinkBase} label="tradebook.notAllowed.backToList" to={createPath({ resource, type: 'list' })} />
          </>
        )}
      </CardActions>
    </Card>
  );
};

/** The console's catch-all: a resource the user may not read at all is refused by name; any other URL is not found. */
export const NotAllowedOrNotFound = () => {
  const { pathname } = useLocation();
  const resource = resources.find((r) => r.name === pathname.split('/')[1]);
  return resource ? <NotAllowed resource={resource.name} screen="list" /> : <NotFound />;
};
