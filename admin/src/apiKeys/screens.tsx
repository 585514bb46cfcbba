import BlockIcon from '@mui/icons-material/Block';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Box, Card, CardContent, TextField as MuiTextField, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteInput, BooleanInput, Button, Form, ReferenceInput, ResourceContextProvider, SaveButton, TextInput, Title, maxLength, required, useNotify, useRecordContext, useRedirect, useTranslate,
} from 'react-admin';
import { api } from '../providers/sdk';
import { useMomentFormat } from '../shared/fields';
import { ResourceList } from '../shared/lists/ResourceList';
import type { Column } from '../shared/lists/columns';
import { ConfirmedAction } from '../shared/ConfirmedAction';
import { useCan } from '../shared/permissions';
import { useFormErrors } from '../shared/useNotifyError';

interface ApiKeyRecord {
  id: string;
  name: string;
  revokedAt: string | null;
}

/** A key that works can be revoked, after a confirmation; the list then shows when. */
const RevokeButton = ({ record }: { record: ApiKeyRecord }) => (
  <ConfirmedAction
    label="tradebook.apiKeys.revoke"
    icon={<BlockIcon />}
    color="error"
    run={() => api().RevokeApiKey({ id: record.id })}
    done="tradebook.apiKeys.revoked"
    messageArgs={{ name: record.name }}
    confirm={{ title: 'tradebook.apiKeys.revokeTitle', content: 'tradebook.apiKeys.revokeConfirm', button: 'tradebook.apiKeys.revoke' }}
    resource="ApiKey"
  />
);

/** When the key was revoked, or a Revoke button for one that works (for those who may revoke). */
const RevokedCell = () => {
  const record = useRecordContext<ApiKeyRecord>();
  const can = useCan();
  const moment = useMomentFormat();
  if (!record) return null;
  if (record.revokedAt) return <>{moment(record.revokedAt)}</>;
  return can('apiKey:delete') ? <RevokeButton record={record} /> : <>—</>;
};

const clientFilter = { role: 'CLIENT' };

const columns: Column<ApiKeyRecord>[] = [
  { source: 'name' },
  { source: 'counterparty.name', label: 'resources.ApiKey.fields.counterparty' },
  { source: 'prefix', sortable: false, hidden: true },
  { source: 'createdAt', kind: 'moment' },
  { source: 'createdBy.name', label: 'resources.ApiKey.fields.createdBy', sortable: false },
  { source: 'lastUsedAt', kind: 'moment' },
  { source: 'revokedAt', kind: 'custom', sortable: true, render: () => <RevokedCell />, text: (r, w) => w.moment(r.revokedAt) },
];

const filters = [
  <ReferenceInput key="counterpartyId" source="counterpartyId" reference="Counterparty" filter={clientFilter} sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="revoked" source="revoked" />,
];

/** Every key, revoked ones too, with its client, maker and last use (to the minute). */
export const list = () => <ResourceList columns={columns} filters={filters} sort={{ field: 'name', order: 'ASC' }} createPermission="apiKey:create" />;

/** The new key, this once: copy it, and know it will not be shown again. */
const CreatedKey = ({ apiKey }: { apiKey: { key: string; name: string } }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(apiKey.key);
      notify('tradebook.apiKeys.copied', { type: 'success' });
    } catch {
      notify('tradebook.apiKeys.copyByHand', { type: 'warning' });
    }
  };
  return (
    <>
      <Typography variant="h6" gutterBottom>
        {translate('tradebook.apiKeys.created', { name: apiKey.name })}
      </Typography>
      <Alert severity="warning" sx={{ my: 2 }} data-testid="api-key-warning">
        {translate('tradebook.apiKeys.shownOnce')}
      </Alert>
      <MuiTextField
        value={apiKey.key}
        fullWidth
        label={translate('tradebook.apiKeys.key')}
        slotProps={{ htmlInput: { readOnly: true, 'data-testid': 'api-key-text', style: { fontFamily: 'monospace' } } }}
        onFocus={(event) => event.target.select()}
      />
      <Box sx={{ display: 'flex', gap: 1, mt: 2 }}>
        <Button label="tradebook.apiKeys.copy" variant="contained" onClick={copy}>
          <ContentCopyIcon />
        </Button>
        <Button label="tradebook.apiKeys.done" onClick={() => redirect('list', 'ApiKey')} />
      </Box>
    </>
  );
};

/** A new key for a client: named, made, then shown once. */
export const create = () => {
  const translate = useTranslate();
  const formErrors = useFormErrors('ApiKey');
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const submit = async (values: Record<string, unknown>) => {
    try {
      const { createApiKey } = await api().CreateApiKey({ input: { counterpartyId: String(values.counterpartyId ?? ''), name: String(values.name ?? '') } });
      setCreated({ key: createApiKey.key, name: createApiKey.apiKey.name });
      return undefined;
    } catch (error) {
      return formErrors(error);
    }
  };
  return (
    <ResourceContextProvider value="ApiKey">
      <Title title={translate('tradebook.apiKeys.createTitle')} />
      <Card sx={{ mt: 2, maxWidth: 720 }}>
        <CardContent>
          {created ? (
            <CreatedKey apiKey={created} />
          ) : (
            <Form onSubmit={submit}>
              <Alert severity="info" sx={{ mb: 2 }}>
                {translate('tradebook.apiKeys.help')}
              </Alert>
              <ReferenceInput source="counterpartyId" reference="Counterparty" filter={clientFilter} sort={{ field: 'name', order: 'ASC' }}>
                <AutocompleteInput optionText="name" validate={required()} fullWidth />
              </ReferenceInput>
              <TextInput source="name" validate={[required(), maxLength(100)]} fullWidth />
              <SaveButton label="tradebook.apiKeys.create" alwaysEnable />
            </Form>
          )}
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};
