import ListAltIcon from '@mui/icons-material/ListAlt';
import { PriceListCreate, PriceListEdit } from './PriceListForm';
import { PriceListList } from './PriceListList';
import { PriceListShow } from './PriceListShow';

/** Dated price lists of one price type: drafts are edited, then posted into the price register. */
export default {
  name: 'PriceList',
  list: PriceListList,
  show: PriceListShow,
  create: PriceListCreate,
  edit: PriceListEdit,
  icon: ListAltIcon,
  recordRepresentation: 'number',
  permissions: { read: 'priceList:read', create: 'priceList:create', edit: 'priceList:update' },
};
