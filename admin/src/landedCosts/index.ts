import LocalShippingIcon from '@mui/icons-material/LocalShipping';
import { documentResource } from '../shared/documents/documentResource';

/** Freight, customs and handling spread over posted receipt lines; posting raises the lots still on hand and adjusts what was already taken from them. */
export default documentResource('LandedCost', { screens: () => import('./screens'), icon: LocalShippingIcon, menu: 'purchasing' });
