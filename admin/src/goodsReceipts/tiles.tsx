import { lazy } from 'react';
import type { Tile } from '../dashboard/tiles';

/** Goods received this month: how many receipts, by day. */
export const receiptsTiles: Tile[] = [{ id: 'receipts-this-month', needs: ['stockDocument:read'], order: 20, component: lazy(() => import('./ReceiptsTile')) }];
