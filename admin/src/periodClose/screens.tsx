import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Loading, ResourceContextProvider, SaveButton, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { DayInput } from '../shared/dates';
import { errorMessage } from '../shared/errors';
import { intlLocale, useDayFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useFormErrors } from '../shared/useNotifyError';

/**
 * Period close: the date through which nothing can be posted or unposted. Everyone with
 * stock documents sees it; ADMIN and ACCOUNTANT (setting:update) move it, later to close
 * or earlier to reopen. An empty date opens every period.
 */
const PeriodClose = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const can = useCan();
  const formErrors = useFormErrors('PeriodClose');
  const day = useDayFormat();
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({ queryKey: ['periodClose'], queryFn: () => api().PeriodClose() });
  if (isPending) return <Loading />;
  if (error || !data) return <p>{errorMessage(error)}</p>;
  const state = data.periodClose;
  const submit = async (values: Record<string, unknown>) => {
    try {
      const through = (values.closedThrough as string | null | undefined) || null;
      await api().ClosePeriod({ through });
      notify(through ? 'tradebook.periodClose.closed' : 'tradebook.periodClose.opened', { type: 'success', messageArgs: { date: day(through) } });
      await queryClient.invalidateQueries({ queryKey: ['periodClose'] });
      return undefined;
    } catch (e) {
      return formErrors(e);
    }
  };
  return (
    <ResourceContextProvider value="PeriodClose">
      <Title title={translate('tradebook.periodClose.title')} />
      <Card sx={{ mt: 2, maxWidth: 640 }}>
        <CardContent>
          <Typography variant="h6" data-testid="closed-through">
            {state.closedThrough ? translate('tradebook.periodClose.closedThrough', { date: day(state.closedThrough) }) : translate('tradebook.periodClose.open')}
          </Typography>
          {state.closedAt && (
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {translate('tradebook.periodClose.setBy', { name: state.closedBy?.name ?? '—', at: new Date(state.closedAt).toLocaleString(intlLocale(locale)) })}
            </Typography>
          )}
          <Alert severity="info" sx={{ my: 2 }}>
            {translate('tradebook.periodClose.help')}
          </Alert>
          {can('setting:update') && (
            <Form onSubmit={submit} defaultValues={{ closedThrough: state.closedThrough }} key={state.closedThrough ?? 'open'}>
              <DayInput source="closedThrough" />
              <SaveButton label="tradebook.periodClose.save" alwaysEnable />
            </Form>
          )}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

export { PeriodClose as list };
