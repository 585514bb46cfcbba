import RemoveShoppingCartIcon from '@mui/icons-material/RemoveShoppingCart';
import { documentResource } from '../shared/documents/documentResource';

/** Goods written off (damage, shortage, expiry, own use): FIFO lots consumed, their cost booked as an expense. */
export default documentResource('WriteOff', { screens: () => import('./screens'), icon: RemoveShoppingCartIcon, menu: 'stock' });
