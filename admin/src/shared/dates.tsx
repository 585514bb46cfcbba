import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { FieldTitle, InputHelperText, useInput, useResourceContext, type Validator } from 'react-admin';

/** dayjs's name of the console's language: English dates read day first (en-GB), like the rest of the console. */
export const dayjsLocale = (locale: string) => (locale === 'ru' ? 'ru' : 'en-gb');

/** What a date input holds while what is typed is not a date yet. */
const UNFINISHED = 'unfinished';

/** A typed date that is not (yet) one: refused before anything is sent. */
const aDay: Validator = (value) => (value === UNFINISHED ? 'tradebook.validation.day' : undefined);

interface PickerInputProps {
  source: string;
  label?: string | false;
  validate?: Validator | Validator[];
  defaultValue?: string | null;
  helperText?: ReactNode;
  fullWidth?: boolean;
  resource?: string;
  // a filter form's own props, not the picker's
  alwaysOn?: boolean;
  sx?: object;
}

const validators = (validate: PickerInputProps['validate']) => [aDay, ...(Array.isArray(validate) ? validate : validate ? [validate] : [])];

/**
 * One picker input of a react-admin form (or filter form), in the console's language (the
 * LocalizationProvider of the layout): `toValue` and `fromValue` turn the form's value into
 * the picker's dayjs and back.
 */
function usePickerInput(props: PickerInputProps, toValue: (value: Dayjs) => string) {
  const resource = useResourceContext(props);
  const { field, fieldState, isRequired } = useInput({ source: props.source, validate: validators(props.validate), defaultValue: props.defaultValue, resource });
  const label = props.label === false ? undefined : <FieldTitle label={props.label} source={props.source} resource={resource} isRequired={isRequired} />;
  const onChange = (value: Dayjs | null) => field.onChange(value === null ? null : value.isValid() ? toValue(value) : UNFINISHED);
  const textField = {
    name: props.source,
    onBlur: field.onBlur,
    error: fieldState.invalid,
    helperText: <InputHelperText error={fieldState.error?.message} helperText={props.helperText} />,
    size: 'small' as const,
    variant: 'filled' as const,
    margin: 'dense' as const,
    fullWidth: props.fullWidth,
    sx: props.sx,
  };
  return { field, label, onChange, textField };
}

const dayOf = (value: unknown) => (typeof value === 'string' && value && value !== UNFINISHED ? dayjs(value) : null);

/** A calendar day (LocalDate, "2026-01-31") typed and picked in the console's language: 31.01.2026 in Russian, 31/01/2026 in English. */
export const DayInput = (props: PickerInputProps) => {
  const { field, label, onChange, textField } = usePickerInput(props, (value) => value.format('YYYY-MM-DD'));
  return <DatePicker label={label} value={dayOf(field.value)} onChange={onChange} slotProps={{ textField, field: { clearable: !props.validate } }} />;
};

/** A moment (DateTimeISO) typed and picked in the console's language and the browser's time zone. */
export const MomentInput = (props: PickerInputProps) => {
  const { field, label, onChange, textField } = usePickerInput(props, (value) => value.toISOString());
  return <DateTimePicker label={label} value={dayOf(field.value)} onChange={onChange} ampm={false} slotProps={{ textField, field: { clearable: true } }} />;
};
