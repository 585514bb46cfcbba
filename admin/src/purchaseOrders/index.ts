import ShoppingCartCheckoutIcon from '@mui/icons-material/ShoppingCartCheckout';
import { documentResource } from '../shared/documents/documentResource';

/** Orders to suppliers: drafts (lines without a price take the supplier's), posted onto order, received by receipts made from them. */
export default documentResource('PurchaseOrder', { screens: () => import('./screens'), icon: ShoppingCartCheckoutIcon, menu: 'purchasing' });
