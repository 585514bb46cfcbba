import { Button, Card, CardContent, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { AutocompleteInput, Form, Loading, ReferenceInput, ResourceContextProvider, SaveButton, Title, required, useNotify, useTranslate } from 'react-admin';
import { api } from '../providers/sdk';
import { DayInput } from '../shared/dates';
import { errorMessage } from '../shared/errors';
import { useDayFormat } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useFormErrors, useNotifyError } from '../shared/useNotifyError';

/** Deputy periods: the list (one's own, or everyone's for a head), a new period, and ending one early. */
const DeputiesScreen = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const notifyError = useNotifyError('UserDeputy');
  const formErrors = useFormErrors('UserDeputy');
  const can = useCan();
  const day = useDayFormat();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({ queryKey: ['deputies'], queryFn: () => api().Deputies({}) });
  const me = useQuery({ queryKey: ['me'], queryFn: () => api().Me() });
  if (isPending || me.isPending) return <Loading />;
  if (error || !data) return <p>{errorMessage(error)}</p>;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['deputies'] });
  const submit = async (values: Record<string, unknown>) => {
    try {
      await api().SetDeputy({ input: { userId: String(values.userId), deputyId: String(values.deputyId ?? ''), from: String(values.from ?? ''), to: String(values.to ?? '') } });
      notify('tradebook.deputies.set', { type: 'success' });
      await refresh();
      return undefined;
    } catch (e) {
      return formErrors(e);
    }
  };
  const end = async (id: string) => {
    try {
      await api().EndDeputy({ id });
      await refresh();
    } catch (e) {
      await notifyError(e);
    }
  };
  return (
    <ResourceContextProvider value="UserDeputy">
      <Title title={translate('resources.UserDeputy.name', { smart_count: 2 })} />
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Table size="small" data-testid="deputies">
            <TableHead>
              <TableRow>
                {['user', 'deputy', 'from', 'to', 'inForce', 'createdBy'].map((f) => <TableCell key={f}>{translate(`resources.UserDeputy.fields.${f}`)}</TableCell>)}
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.deputies.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>{d.user.name}</TableCell>
                  <TableCell>{d.deputy.name}</TableCell>
                  <TableCell>{day(d.from)}</TableCell>
                  <TableCell>{day(d.to)}</TableCell>
                  <TableCell>{d.endedAt ? <Chip size="small" label={translate('tradebook.deputies.ended')} /> : d.inForce ? <Chip size="small" color="success" label={translate('tradebook.deputies.inForce')} /> : '—'}</TableCell>
                  <TableCell>{d.createdBy.name}</TableCell>
                  <TableCell>{!d.endedAt && can('deputy:update') && <Button size="small" onClick={() => void end(d.id)}>{translate('tradebook.deputies.end')}</Button>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {!data.deputies.length && <Typography sx={{ mt: 1 }}>{translate('tradebook.deputies.none')}</Typography>}
        </CardContent>
      </Card>
      {can('deputy:create') && (
        <Card sx={{ mt: 2, maxWidth: 640 }}>
          <CardContent>
            <Typography variant="h6">{translate('tradebook.deputies.add')}</Typography>
            <Form onSubmit={submit} defaultValues={{ userId: me.data?.me.id }}>
              <ReferenceInput source="userId" reference="User" sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput optionText="name" validate={required()} disabled={!can('deputy:others')} />
              </ReferenceInput>
              <ReferenceInput source="deputyId" reference="User" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput optionText="name" validate={required()} />
              </ReferenceInput>
              <DayInput source="from" validate={required()} />
              <DayInput source="to" validate={required()} />
              <SaveButton label="tradebook.deputies.save" alwaysEnable />
            </Form>
          </CardContent>
        </Card>
      )}
    </ResourceContextProvider>
  );
};

export { DeputiesScreen as list };
