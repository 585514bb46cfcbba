import { TextField } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { VAT_RATE_CHOICES } from '../forms';

/** A line's VAT rate as a native select: the keyboard picks it ("2" → 22 %) and Enter moves on instead of opening a menu. */
export const VatRateSelect = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({ source });
  return (
    <TextField
      select
      variant="standard"
      value={field.value ?? ''}
      onChange={(event) => field.onChange(event.target.value)}
      onBlur={field.onBlur}
      error={fieldState.invalid}
      helperText={fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : undefined}
      sx={{ minWidth: 80 }}
      slotProps={{ select: { native: true }, htmlInput: { name: source, 'aria-label': label } }}
    >
      <option value="">—</option>
      {VAT_RATE_CHOICES.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.name}
        </option>
      ))}
    </TextField>
  );
};
