import { lazy } from 'react';
import type { Tile } from '../dashboard/tiles';

/** Price lists waiting to be posted: the queue of drafts. */
export const priceListTiles: Tile[] = [{ id: 'price-lists-pending', needs: ['priceList:read'], order: 30, component: lazy(() => import('./PendingPriceListsTile')) }];
