import { DateField, NumberField, useLocaleState, useRecordContext, type DateFieldProps, type NumberFieldProps } from 'react-admin';
import { useTranslate } from 'react-admin';
import { EnumListField, type EnumName } from './enums';

export const intlLocale = (locale: string) => (locale === 'ru' ? 'ru-RU' : 'en-GB');

/** Dates and times in the reader's language. */
export const LocaleDateField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField showTime {...props} locales={intlLocale(locale)} />;
};

/** A calendar day from the API (LocalDate, "2026-01-31"), in the reader's language, never shifted by the time zone. */
export const DayField = (props: DateFieldProps) => {
  const [locale] = useLocaleState();
  return <DateField {...props} showTime={false} locales={intlLocale(locale)} options={{ timeZone: 'UTC' }} />;
};

/** Today as a LocalDate ("2026-01-31") in the browser's time zone: the default of date inputs. */
export const today = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** Formats decimal strings as roubles in the reader's language, for screens outside a record (MoneyField's format). */
export function useMoneyFormat(): (value: string | number | null | undefined) => string {
  const [locale] = useLocaleState();
  const format = new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency: 'RUB' });
  return (value) => (value === null || value === undefined || value === '' ? '' : format.format(Number(value)));
}

/** Formats a LocalDate ("2026-01-31") in the reader's language, for screens outside a record (DayField's format). */
export function useDayFormat(): (value: string | null | undefined) => string {
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { timeZone: 'UTC' });
  return (value) => (value ? format.format(new Date(`${value}T00:00:00Z`)) : '');
}

/** Formats a moment (DateTimeISO) in the reader's language and time zone, for screens outside a record. */
export function useMomentFormat(): (value: string | null | undefined) => string {
  const [locale] = useLocaleState();
  const format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'short', timeStyle: 'short' });
  return (value) => (value ? format.format(new Date(value)) : '');
}

/** Formats a decimal string (a percent, a quantity) with the locale's separators. */
export function useDecimalFormat(): (value: string | number | null | undefined) => string {
  const [locale] = useLocaleState();
  const format = new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 4 });
  return (value) => (value === null || value === undefined || value === '' ? '' : format.format(Number(value)));
}

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
