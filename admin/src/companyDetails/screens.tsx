import { Card, CardContent, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Loading, ResourceContextProvider, SaveButton, TextInput, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { CompanyDetailsQuery } from '@tradebook/client';
import { api } from '../providers/sdk';
import { errorMessage } from '../shared/errors';
import { intlLocale } from '../shared/fields';
import { useCan } from '../shared/permissions';
import { useFormErrors } from '../shared/useNotifyError';
import { ImageInput } from './ImageInput';

type Details = CompanyDetailsQuery['companyDetails'];

const TEXTS = ['legalName', 'inn', 'kpp', 'ogrn', 'address', 'bankName', 'bik', 'correspondentAccount', 'account', 'director', 'chiefAccountant'] as const;
const IMAGES = ['logo', 'stamp', 'directorSignature', 'chiefAccountantSignature'] as const;
type Field = (typeof TEXTS)[number] | (typeof IMAGES)[number];

const valuesOf = (details: Details) => Object.fromEntries([...TEXTS, ...IMAGES].map((f) => [f, details[f] ?? null]));

/**
 * The company's own details printed on its forms (issue 15): name, identifiers, bank account,
 * signatories and images. Staff read them; an accountant or administrator changes them, each
 * refused identifier on its own input.
 */
const CompanyDetails = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const can = useCan();
  const formErrors = useFormErrors('CompanyDetails');
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({ queryKey: ['companyDetails'], queryFn: () => api().CompanyDetails() });
  if (isPending) return <Loading />;
  if (error || !data) return <p>{errorMessage(error)}</p>;
  const details = data.companyDetails;
  const editable = can('companyDetails:update');
  const submit = async (values: Record<string, unknown>) => {
    const sent = Object.fromEntries([...TEXTS, ...IMAGES].map((f: Field) => [f, (values[f] as string | null | undefined) || null]));
    try {
      await api().UpdateCompanyDetails({ input: { version: details.version, ...sent } });
      notify('tradebook.companyDetails.saved', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['companyDetails'] });
      return undefined;
    } catch (e) {
      return formErrors(e);
    }
  };
  return (
    <ResourceContextProvider value="CompanyDetails">
      <Title title={translate('tradebook.companyDetails.title')} />
      <Card sx={{ mt: 2, maxWidth: 900 }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate('tradebook.companyDetails.help')}
          </Typography>
          {details.updatedAt && (
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {translate('tradebook.companyDetails.changedBy', { name: details.updatedBy?.name ?? '—', at: new Date(details.updatedAt).toLocaleString(intlLocale(locale)) })}
            </Typography>
          )}
          <Form onSubmit={submit} defaultValues={valuesOf(details)} key={details.version}>
            {TEXTS.map((f) => (
              <TextInput key={f} source={f} disabled={!editable} fullWidth multiline={f === 'address' || f === 'legalName'} helperText={false} />
            ))}
            {IMAGES.map((f) => (
              <ImageInput key={f} source={f} disabled={!editable} />
            ))}
            {editable && <SaveButton sx={{ mt: 2 }} alwaysEnable />}
          </Form>
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

export { CompanyDetails as list };
