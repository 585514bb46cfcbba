import { Box } from '@mui/material';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/ru';
import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, useLocaleState } from 'react-admin';
import { dayjsLocale } from '../shared/dates';
import { QuickActivity } from '../activities/QuickActivity';
import { ReminderBell } from '../reminders/ReminderBell';
import { LanguageMenu } from './LanguageMenu';
import { GroupedMenu } from './Menu';

// react-admin's frame grows to fit its content (min-width: fit-content): here it keeps to the window, and wide content scrolls within itself
const FITS_THE_WINDOW = { minWidth: 0, '& .RaLayout-appFrame, & .RaLayout-contentWithSidebar, & .RaLayout-content': { minWidth: 0 } } as const;

const TradebookAppBar = () => (
  <AppBar
    toolbar={
      <>
        <QuickActivity />
        <ReminderBell />
        <LanguageMenu />
        <LoadingIndicator />
      </>
    }
  />
);

/**
 * The console's frame once signed in: the grouped menu, the app bar with the language menu,
 * and dates picked and typed in the console's language (MUI X pickers with dayjs), whatever
 * the browser's. A phone's content never scrolls sideways: wide tables scroll within themselves.
 */
export const Layout = ({ children }: { children: ReactNode }) => {
  const [locale] = useLocaleState();
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale={dayjsLocale(locale)}>
      <RaLayout menu={GroupedMenu} appBar={TradebookAppBar} sx={FITS_THE_WINDOW}>
        <Box sx={{ minWidth: 0, maxWidth: '100%' }}>{children}</Box>
      </RaLayout>
    </LocalizationProvider>
  );
};

export default Layout;
