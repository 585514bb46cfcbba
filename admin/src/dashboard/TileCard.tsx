import { Card, CardContent, CardHeader, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A dashboard tile's frame: its title, and a figure, a chart or a queue under it. */
export const TileCard = ({ title, children, testId }: { title: string; children: ReactNode; testId: string }) => {
  const translate = useTranslate();
  return (
    <Card sx={{ height: '100%' }} data-testid={testId}>
      <CardHeader title={translate(title)} slotProps={{ title: { variant: 'subtitle1' } }} sx={{ pb: 0 }} />
      <CardContent>{children}</CardContent>
    </Card>
  );
};

/** One figure of a tile, large, with what it counts. */
export const Figure = ({ value, label, testId }: { value: ReactNode; label: string; testId?: string }) => (
  <div>
    <Typography variant="h4" component="div" data-testid={testId}>
      {value}
    </Typography>
    <Typography variant="body2" color="text.secondary">
      {label}
    </Typography>
  </div>
);
