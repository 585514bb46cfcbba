import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { documentResource } from '../shared/documents/documentResource';

/** Goods to a client: from an order (its reservation first) or standalone; posting takes FIFO cost and books the sale and the receivable. */
export default documentResource('Shipment', { screens: () => import('./screens'), icon: LocalShippingIcon, menu: 'sales' });
