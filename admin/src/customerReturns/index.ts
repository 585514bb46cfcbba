import AssignmentReturnIcon from '@mui/icons-material/AssignmentReturn';
import { documentResource } from '../shared/documents/documentResource';

/** Goods a client brings back from a shipment: at exactly the cost they went out at, the sale and the receivable reversed. */
export default documentResource('CustomerReturn', { screens: () => import('./screens'), icon: AssignmentReturnIcon, menu: 'sales' });
