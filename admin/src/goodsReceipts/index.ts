import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { documentResource } from '../shared/documents/documentResource';
import { receiptsTiles } from './tiles';

/** Goods received from suppliers: drafts are edited, then posted into lots, stock, the payable and the VAT book. */
export default documentResource('GoodsReceipt', { screens: () => import('./screens'), icon: MoveToInboxIcon, menu: 'purchasing', tiles: receiptsTiles });
