import { Box, Button as MuiButton, Typography } from '@mui/material';
import { useInput, useNotify, useTranslate } from 'react-admin';

/** The largest image the API takes (MAX_IMAGE_BYTES). */
const MAX_BYTES = 256 * 1024;

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** A PNG or JPEG kept as a data URL (a logo, a stamp, a signature): a preview, Choose and Remove. */
export const ImageInput = ({ source, disabled }: { source: string; disabled: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { field, fieldState } = useInput({ source });
  const choose = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_BYTES) return notify('tradebook.companyDetails.tooLarge', { type: 'warning' });
    field.onChange(await readAsDataUrl(file));
  };
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, my: 1 }} data-testid={`image-${source}`}>
      <Typography sx={{ width: 220 }}>{translate(`resources.CompanyDetails.fields.${source}`)}</Typography>
      {field.value ? <img src={field.value} alt="" style={{ maxHeight: 48, maxWidth: 120 }} /> : <Typography color="text.secondary">—</Typography>}
      {!disabled && (
        <>
          <MuiButton component="label" size="small">
            {translate('tradebook.companyDetails.choose')}
            <input hidden type="file" accept="image/png,image/jpeg" onChange={(event) => void choose(event.target.files?.[0])} />
          </MuiButton>
          {field.value && (
            <MuiButton size="small" onClick={() => field.onChange(null)}>
              {translate('tradebook.companyDetails.remove')}
            </MuiButton>
          )}
        </>
      )}
      {fieldState.error && <Typography color="error">{fieldState.error.message}</Typography>}
    </Box>
  );
};
