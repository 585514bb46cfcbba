import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import type { HandoverReportFieldsFragment } from '@tradebook/client';
import { useState } from 'react';
import { AutocompleteInput, BooleanInput, Form, ReferenceInput, ResourceContextProvider, TextInput, Title, required, useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { api } from '../providers/sdk';
import { useFormErrors } from '../shared/useNotifyError';

type Values = { fromUserId?: string; toUserId?: string; clients: boolean; activities: boolean; deals: boolean; reason?: string };

/** The counts and lists of what moved (or would move). */
const Report = ({ report, done }: { report: HandoverReportFieldsFragment; done: boolean }) => {
  const translate = useTranslate();
  const rows: [string, number, string[]][] = [
    ['clients', report.clients, report.clientNames],
    ['activities', report.activities, report.activitySubjects],
    ['deals', report.deals, report.dealTitles],
  ];
  return (
    <Box data-testid={done ? 'handover-report' : 'handover-preview'} sx={{ mt: 2 }}>
      <Alert severity={done ? 'success' : 'info'}>
        {translate(done ? 'tradebook.handover.moved' : 'tradebook.handover.wouldMove', { from: report.fromUserName, to: report.toUserName })}
      </Alert>
      {rows.map(([kind, count, names]) => (
        <Box key={kind} sx={{ mt: 1 }}>
          <Typography variant="subtitle1">
            {translate(`resources.Handover.fields.${kind}`)}: <span data-testid={`count-${kind}`}>{count}</span>
          </Typography>
          <Typography variant="body2" color="text.secondary">{names.join(', ') || '—'}</Typography>
        </Box>
      ))}
      <Typography variant="body2" sx={{ mt: 1 }}>
        {translate('resources.Handover.fields.teamMemberships')}: <span data-testid="count-teamMemberships">{report.teamMemberships}</span>;{' '}
        {translate('resources.Handover.fields.reminders')}: <span data-testid="count-reminders">{report.reminders}</span>
      </Typography>
    </Box>
  );
};

/** Preview reads what would move; Hand over moves it (with the reason) and shows the report. */
const Actions = ({ onReport }: { onReport: (report: HandoverReportFieldsFragment, done: boolean) => void }) => {
  const translate = useTranslate();
  const { getValues, setError } = useFormContext<Values>();
  const formErrors = useFormErrors('Handover');
  const run = async (done: boolean) => {
    const { fromUserId = '', toUserId = '', clients, activities, deals, reason = '' } = getValues();
    try {
      const input = { fromUserId, toUserId, clients, activities, deals };
      onReport(done ? (await api().HandOver({ input: { ...input, reason } })).handOver : (await api().HandoverPreview({ input })).handoverPreview, done);
    } catch (e) {
      for (const [field, message] of Object.entries(formErrors(e))) setError(field as keyof Values, { type: 'server', message: String(message) });
    }
  };
  return (
    <Stack direction="row" spacing={2}>
      <Button variant="outlined" onClick={() => void run(false)} data-testid="handover-preview-button">{translate('tradebook.handover.preview')}</Button>
      <Button variant="contained" onClick={() => void run(true)} data-testid="handover-confirm-button">{translate('tradebook.handover.confirm')}</Button>
    </Stack>
  );
};

const HandoverScreen = () => {
  const translate = useTranslate();
  const [result, setResult] = useState<{ report: HandoverReportFieldsFragment; done: boolean } | null>(null);
  return (
    <ResourceContextProvider value="Handover">
      <Title title={translate('resources.Handover.name')} />
      <Card sx={{ mt: 2, maxWidth: 720 }}>
        <CardContent>
          <Alert severity="info" sx={{ mb: 2 }}>{translate('tradebook.handover.help')}</Alert>
          <Form defaultValues={{ clients: true, activities: true, deals: true }} onSubmit={() => undefined}>
            <ReferenceInput source="fromUserId" reference="User" sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput optionText="name" validate={required()} />
            </ReferenceInput>
            <ReferenceInput source="toUserId" reference="User" filter={{ active: true }} sort={{ field: 'name', order: 'ASC' }}>
              <AutocompleteInput optionText="name" validate={required()} />
            </ReferenceInput>
            <Stack direction="row" spacing={2}>
              <BooleanInput source="clients" />
              <BooleanInput source="activities" />
              <BooleanInput source="deals" />
            </Stack>
            <TextInput source="reason" multiline fullWidth />
            <Actions onReport={(report, done) => setResult({ report, done })} />
          </Form>
          {result && <Report report={result.report} done={result.done} />}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

export { HandoverScreen as list };
