import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { documentResource } from '../shared/documents/documentResource';

/** Goods moved between two warehouses: FIFO lots out of the source, lots of the same cost into the destination. */
export default documentResource('StockTransfer', { screens: () => import('./screens'), icon: SwapHorizIcon, menu: 'stock' });
