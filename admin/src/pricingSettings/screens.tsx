import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { BooleanInput, Form, Loading, ResourceContextProvider, SaveButton, TextInput, Title, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { PricingSettingsQuery, Role } from '@tradebook/client';
import { api } from '../providers/sdk';
import { errorMessage } from '../shared/errors';
import { intlLocale } from '../shared/fields';
import { parseDecimal } from '../shared/forms';
import { useCan } from '../shared/permissions';
import { useFormErrors } from '../shared/useNotifyError';

type Settings = PricingSettingsQuery['pricingSettings'];

/** The form's values in the API's shape, so a refused `totalDiscountCaps.2.percent` lands on its own input. */
const valuesOf = (settings: Settings) => ({
  manualDiscountCaps: settings.manualDiscountCaps.map((cap) => ({ role: cap.role, percent: cap.percent })),
  totalDiscountCaps: settings.totalDiscountCaps.map((cap) => ({ role: cap.role, percent: cap.percent })),
  belowCost: Object.fromEntries(settings.manualDiscountCaps.map((cap) => [cap.role, settings.belowCostRoles.includes(cap.role)])),
});

/**
 * Pricing settings (issue 9): per role the manual discount a user may type, the total
 * discount of a line (rules and manual together; 100 is no limit) and whether the role
 * may sell below cost. Staff with price lists read them; setting:update changes them.
 */
const PricingSettings = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const can = useCan();
  const formErrors = useFormErrors('PricingSettings');
  const [locale] = useLocaleState();
  const queryClient = useQueryClient();
  const { data, isPending, error } = useQuery({ queryKey: ['pricingSettings'], queryFn: () => api().PricingSettings() });
  if (isPending) return <Loading />;
  if (error || !data) return <p>{errorMessage(error)}</p>;
  const settings = data.pricingSettings;
  const editable = can('setting:update');
  const t = (key: string, options?: Record<string, unknown>) => translate(`tradebook.pricingSettings.${key}`, options);
  const submit = async (values: Record<string, unknown>) => {
    const form = values as ReturnType<typeof valuesOf>;
    try {
      await api().UpdatePricingSettings({
        input: {
          version: settings.version,
          manualDiscountCaps: form.manualDiscountCaps.map((cap) => ({ role: cap.role, percent: String(cap.percent ?? '') })),
          totalDiscountCaps: form.totalDiscountCaps.map((cap) => ({ role: cap.role, percent: String(cap.percent ?? '') })),
          belowCostRoles: Object.entries(form.belowCost).filter(([, may]) => may).map(([role]) => role as Role),
        },
      });
      notify('tradebook.pricingSettings.saved', { type: 'success' });
      await queryClient.invalidateQueries({ queryKey: ['pricingSettings'] });
      return undefined;
    } catch (e) {
      return formErrors(e);
    }
  };
  return (
    <ResourceContextProvider value="PricingSettings">
      <Title title={t('title')} />
      <Card sx={{ mt: 2, maxWidth: 900 }}>
        <CardContent>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {t('help')}
          </Typography>
          {settings.updatedAt && (
            <Typography variant="body2" color="text.secondary" gutterBottom data-testid="changed-by">
              {t('changedBy', { name: settings.updatedBy?.name ?? '—', at: new Date(settings.updatedAt).toLocaleString(intlLocale(locale)) })}
            </Typography>
          )}
          <Form onSubmit={submit} defaultValues={valuesOf(settings)} key={settings.version}>
            <Table size="small" aria-label={t('title')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('role')}</TableCell>
                  <TableCell>{t('manualCap')}</TableCell>
                  <TableCell>{t('totalCap')}</TableCell>
                  <TableCell>{t('belowCost')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {settings.manualDiscountCaps.map((cap, i) => (
                  <TableRow key={cap.role} data-testid={`role-${cap.role}`}>
                    <TableCell>{translate(`enums.Role.${cap.role}`)}</TableCell>
                    <TableCell>
                      <TextInput source={`manualDiscountCaps.${i}.percent`} label={false} parse={parseDecimal} disabled={!editable} variant="standard" />
                    </TableCell>
                    <TableCell>
                      <TextInput source={`totalDiscountCaps.${i}.percent`} label={false} parse={parseDecimal} disabled={!editable} variant="standard" />
                    </TableCell>
                    <TableCell>
                      <BooleanInput source={`belowCost.${cap.role}`} label={false} disabled={!editable} helperText={false} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {editable && <SaveButton sx={{ mt: 2 }} alwaysEnable />}
          </Form>
        </CardContent>
      </Card>
    </ResourceContextProvider>
  );
};

export { PricingSettings as list };
