import PaymentIcon from '@mui/icons-material/Payment';
import { documentResource } from '../shared/documents/documentResource';

/** Money we pay suppliers, by bank or cash: posted, it writes down the oldest receipts owed (or those named, or the receipt it pays) and keeps the rest as an advance. */
export default documentResource('OutgoingPayment', { screens: () => import('./screens'), icon: PaymentIcon, menu: 'purchasing' });
