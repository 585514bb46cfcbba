import HandshakeIcon from '@mui/icons-material/Handshake';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import LinearScaleIcon from '@mui/icons-material/LinearScale';
import { lazyScreens } from '../shared/lazyScreens';
import type { ResourceDef } from '../resources';

/** Deals with clients (issue 13 §8): list, create and edit. */
const deals: ResourceDef = {
  name: 'Deal',
  ...lazyScreens(() => import('./screens'), ['list', 'create', 'edit']),
  icon: HandshakeIcon,
  recordRepresentation: 'title',
  permissions: { read: 'deal:read', create: 'deal:create', edit: 'deal:update' },
  menu: 'crm',
};

/** A screen, not a record type: the pipeline board, a column per active stage; dragging a card moves the deal. */
export const dealPipeline: ResourceDef = {
  name: 'DealPipeline',
  ...lazyScreens(() => import('./Board'), ['list']),
  icon: ViewKanbanIcon,
  permissions: { read: 'deal:read' },
  menu: 'crm',
};

/** The pipeline's stages, kept by heads of sales. */
export const dealStages: ResourceDef = {
  name: 'DealStage',
  ...lazyScreens(() => import('./stages'), ['list', 'create', 'edit']),
  icon: LinearScaleIcon,
  recordRepresentation: 'name',
  permissions: { read: 'dealStage:read', create: 'dealStage:create', edit: 'dealStage:update' },
  menu: 'crm',
};

export default deals;
