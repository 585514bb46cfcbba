import FactCheckIcon from '@mui/icons-material/FactCheck';
import { documentResource } from '../shared/documents/documentResource';

/** Stock counts: the books of a warehouse against what is found there; posting writes off the shortage and takes in the surplus. */
export default documentResource('StockCount', { screens: () => import('./screens'), icon: FactCheckIcon, menu: 'stock' });
