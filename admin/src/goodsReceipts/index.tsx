import MoveToInboxIcon from '@mui/icons-material/MoveToInbox';
import { GoodsReceiptCreate, GoodsReceiptEdit } from './GoodsReceiptForm';
import { GoodsReceiptList } from './GoodsReceiptList';
import { GoodsReceiptShow } from './GoodsReceiptShow';

/** Goods received from suppliers: drafts are edited, then posted into lots, stock, the payable and the VAT book. */
export default {
  name: 'GoodsReceipt',
  list: GoodsReceiptList,
  show: GoodsReceiptShow,
  create: GoodsReceiptCreate,
  edit: GoodsReceiptEdit,
  icon: MoveToInboxIcon,
  recordRepresentation: 'number',
  permissions: { read: 'stockDocument:read', create: 'stockDocument:create', edit: 'stockDocument:update' },
};
