import HandymanIcon from '@mui/icons-material/Handyman';
import { documentResource } from '../shared/documents/documentResource';

/** Services rendered to a client (акт выполненных работ): the sale and the receivable, no stock. */
export default documentResource('ServiceAct', { screens: () => import('./screens'), icon: HandymanIcon, menu: 'sales' });
