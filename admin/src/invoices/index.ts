import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import { documentResource } from '../shared/documents/documentResource';

/** Invoices for payment (счёт на оплату): what a client is asked to pay, from an order or on their own; they post nothing. */
export default documentResource('Invoice', { screens: () => import('./screens'), icon: RequestQuoteIcon, menu: 'sales' });
