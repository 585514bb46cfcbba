import { DateField, NumberField, useLocaleState, useRecordContext, type DateFieldProps, type NumberFieldProps } from 'react-admin';
import { useTranslate } from 'react-admin';
import { EnumListField, type EnumName } from './enums';

const intlLocale = (locale: string) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/** Dates and times in the reader's language. */
export const LocaleDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime {...props} locales={intlLocale(locale)} />;
};

/** Money in roubles, formatted per locale (1 234,50 ₽ / RUB 1,234.50). */
export const MoneyField = (props: NumberFieldProps) => {
  const [locale] = useLocaleState();
  return <NumberField {...props} locales={intlLocale(locale)} options={{ style: 'currency', currency: 'RUB' }} />;
};

/** An exact decimal from the API (a string), shown with the locale's separators. */
export const DecimalField = (props: NumberFieldProps) => {
  const [locale] = useLocaleState();
  return <NumberField {...props} locales={intlLocale(locale)} options={{ maximumFractionDigits: 4 }} transform={(v: unknown) => Number(v)} />;
};

/** Enum list in a datagrid column (reads the row's record). */
export const EnumListColumn = ({ source, enumName }: { source: string; enumName: EnumName; label?: string }) => {
  const record = useRecordContext();
  return <EnumListField source={source} enumName={enumName} record={record ?? undefined} />;
};

export const Later = () => {
  const translate = useTranslate();
  return <p style={{ color: '#777' }}>{translate('tradebook.later')}</p>;
};
