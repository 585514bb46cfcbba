import PaymentsIcon from '@mui/icons-material/Payments';
import { documentResource } from '../shared/documents/documentResource';

/** Money from clients, by bank or cash: posted, it settles the oldest open debts (or those named) and keeps the rest as an advance. */
export default documentResource('IncomingPayment', { screens: () => import('./screens'), icon: PaymentsIcon, menu: 'sales' });
