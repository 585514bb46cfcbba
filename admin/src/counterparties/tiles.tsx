import { lazy } from 'react';
import type { Tile } from '../dashboard/tiles';

/** The clients the user works with (record rules decide: a manager's own, everyone's for the head of sales). */
export const counterpartyTiles: Tile[] = [{ id: 'clients', needs: ['counterparty:read'], order: 40, component: lazy(() => import('./ClientsTile')) }];
