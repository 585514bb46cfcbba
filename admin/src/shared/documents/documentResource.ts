import type { ComponentType } from 'react';
import type { RedirectionSideEffect } from 'react-admin';
import type { ResourceDef } from '../../resources';
import { documentForms } from './DocumentForm';
import { DOCUMENT_PERMISSIONS, type DocumentType } from './documentTypes';

interface DocumentScreens {
  list: ComponentType;
  show: ComponentType;
  /** The inputs of a draft, for both its create and its edit screen. */
  inputs: ComponentType;
  /** The inputs of a new draft, where they differ. */
  createInputs?: ComponentType;
  /** Where a new draft opens (its show view unless given). */
  afterCreate?: RedirectionSideEffect;
  icon: ComponentType;
}

/** A document type's screens as a console resource: named by its number, opened by its permission resource's read, create and update. */
export function documentResource(type: DocumentType, { list, show, inputs, createInputs, afterCreate, icon }: DocumentScreens): ResourceDef {
  const { create, edit } = documentForms(type, inputs, { createInputs, afterCreate });
  const permission = DOCUMENT_PERMISSIONS[type];
  return {
    name: type, list, show, create, edit, icon,
    recordRepresentation: 'number',
    permissions: { read: `${permission}:read`, create: `${permission}:create`, edit: `${permission}:update` },
  };
}
