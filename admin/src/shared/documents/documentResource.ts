import type { ComponentType } from 'react';
import type { MenuGroup, ResourceDef } from '../../resources';
import type { Tile } from '../../dashboard/tiles';
import { lazyScreens } from '../lazyScreens';
import { DOCUMENT_PERMISSIONS, type DocumentType } from './documentTypes';

interface DocumentScreens {
  /** The type's `screens` module: list, show, create and edit (documentForms around its inputs). */
  screens: () => Promise<Record<'list' | 'show' | 'create' | 'edit', ComponentType>>;
  icon: ComponentType;
  menu: MenuGroup;
  tiles?: Tile[];
}

/** A document type's screens as a console resource, loaded when first opened: named by its number, opened by its permission resource's read, create and update. */
export function documentResource(type: DocumentType, { screens, icon, menu, tiles }: DocumentScreens): ResourceDef {
  const permission = DOCUMENT_PERMISSIONS[type];
  return {
    name: type,
    ...lazyScreens(screens, ['list', 'show', 'create', 'edit']),
    icon,
    menu,
    tiles,
    recordRepresentation: 'number',
    permissions: { read: `${permission}:read`, create: `${permission}:create`, edit: `${permission}:update` },
  };
}
