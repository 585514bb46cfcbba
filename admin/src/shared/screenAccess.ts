import type { ResourceDef } from '../resources';

/** A screen a user can be refused: a whole resource, or its create or edit form. */
export type RefusedScreen = 'list' | 'create' | 'edit';

export interface ScreenAccess {
  create: boolean;
  edit: boolean;
  /** The forms the resource has but the user may not open: their URLs show a page saying so instead of a blank one. */
  refused: Exclude<RefusedScreen, 'list'>[];
}

/**
 * Which of a resource's create and edit screens the user may open, from its `permissions`
 * and the user's `can`. Without edit rights a resource with a show view is read there; others
 * open their edit form read-only.
 */
export function screenAccess(resource: Pick<ResourceDef, 'show' | 'create' | 'edit' | 'permissions'>, can: (permission: string) => boolean): ScreenAccess {
  const needs = resource.permissions;
  const create = !!resource.create && !!needs.create && can(needs.create);
  const edit = !!resource.edit && (!resource.show || (!!needs.edit && can(needs.edit)));
  const allowed = { create, edit };
  const refused = (['create', 'edit'] as const).filter((screen) => resource[screen] && !allowed[screen]);
  return { create, edit, refused };
}
