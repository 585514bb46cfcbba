import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type ScreenName = 'list' | 'show' | 'create' | 'edit';

/**
 * A resource's screens loaded with their code when first opened: each folder's `screens`
 * module is its own chunk, so the login page and the menu carry none of them.
 */
export function lazyScreens<K extends ScreenName>(load: () => Promise<Record<K, ComponentType>>, names: readonly K[]): Record<K, LazyExoticComponent<ComponentType>> {
  return Object.fromEntries(names.map((name) => [name, lazy(() => load().then((module) => ({ default: module[name] })))])) as Record<K, LazyExoticComponent<ComponentType>>;
}
