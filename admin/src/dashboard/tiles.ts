import type { ComponentType } from 'react';

/**
 * A tile of the dashboard: a figure, a chart or a work queue an area adds through its
 * resource (`tiles`). It is shown to a user holding every permission it needs, in `order`.
 */
export interface Tile {
  id: string;
  needs: string[];
  order: number;
  /** A wide tile takes a whole row on a desktop (a chart, a long queue). */
  wide?: boolean;
  /** Where permissions alone do not say (any of several): whether this user sees it. */
  shownTo?: (can: (permission: string) => boolean) => boolean;
  component: ComponentType;
}
