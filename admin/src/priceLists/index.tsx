import ListAltIcon from '@mui/icons-material/ListAlt';
import { documentResource } from '../shared/documents/documentResource';
import { PriceListInputs } from './PriceListForm';
import { PriceListList } from './PriceListList';
import { PriceListShow } from './PriceListShow';

/** Dated price lists of one price type: drafts are edited, then posted into the price register. */
export default documentResource('PriceList', { list: PriceListList, show: PriceListShow, inputs: PriceListInputs, icon: ListAltIcon });
