import ListAltIcon from '@mui/icons-material/ListAlt';
import { documentResource } from '../shared/documents/documentResource';
import { priceListTiles } from './tiles';

/** Dated price lists of one price type: drafts are edited, then posted into the price register. */
export default documentResource('PriceList', { screens: () => import('./screens'), icon: ListAltIcon, menu: 'prices', tiles: priceListTiles });
