import { lazy } from 'react';
import type { Tile } from '../dashboard/tiles';

/** The stock's value (or, without cost:read, its quantity) by warehouse, as a chart. */
export const valuationTiles: Tile[] = [{ id: 'stock-value', needs: ['stock:read'], order: 10, wide: true, component: lazy(() => import('./StockValueTile')) }];
