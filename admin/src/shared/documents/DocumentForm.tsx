import { Box } from '@mui/material';
import { useEffect, type ComponentType, type ReactNode } from 'react';
import {
  ArrayInput, AutocompleteInput, Create, Edit, ReferenceInput, SimpleForm, SimpleFormIterator, TextInput, required, useRecordContext, useRedirect, useResourceContext,
  type RedirectionSideEffect,
} from 'react-admin';
import { DayInput } from '../dates';
import { today } from '../fields';
import { KeepOnLanguageSwitch } from '../formKeeper';
import { FORM_SX, permissionToolbar } from '../forms';
import { useSaveErrorOptions } from '../useNotifyError';
import { DOCUMENT_PERMISSIONS, type DocumentRecord, type DocumentType } from './documentTypes';
import { LineGrid, type LineGridProps } from './LineGrid';
import { dropEmptyLines } from './lineValidation';

/** Only a draft is edited: a posted or cancelled document opens its read-only show view instead. */
const DraftsOnly = () => {
  const record = useRecordContext<DocumentRecord>();
  const resource = useResourceContext();
  const redirect = useRedirect();
  useEffect(() => {
    if (record && record.status !== 'DRAFT') redirect('show', resource, record.id);
  }, [record, resource, redirect]);
  return null;
};

interface FormOptions {
  /** The inputs of a new draft where they differ from an existing one's (a count's prefill). */
  createInputs?: ComponentType;
  /** Where a new draft opens: its show view, or its edit form where the work starts once it is saved (a count's quantities). */
  afterCreate?: RedirectionSideEffect;
}

/**
 * The create and edit screens of a document type around its inputs. A new draft is dated
 * today and has no lines; saved, it opens its show view (or `afterCreate`). Editing is
 * pessimistic, so a CONFLICT or a field error (`lines.0.quantity`…) shows before leaving the
 * form, in the reader's words (useSaveErrorOptions).
 */
export function documentForms(type: DocumentType, Inputs: ComponentType, { createInputs: CreateInputs = Inputs, afterCreate = 'show' }: FormOptions = {}) {
  const DocumentCreate = () => (
    <Create redirect={afterCreate} mutationOptions={useSaveErrorOptions()} transform={dropEmptyLines}>
      <SimpleForm defaultValues={{ date: today(), lines: [] }} sx={FORM_SX}>
        <KeepOnLanguageSwitch />
        <CreateInputs />
      </SimpleForm>
    </Create>
  );
  const DocumentEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useSaveErrorOptions()} transform={dropEmptyLines}>
      <SimpleForm toolbar={permissionToolbar(DOCUMENT_PERMISSIONS[type])} sx={FORM_SX}>
        <DraftsOnly />
        <KeepOnLanguageSwitch />
        <Inputs />
      </SimpleForm>
    </Edit>
  );
  return { create: DocumentCreate, edit: DocumentEdit };
}

/** An active warehouse, by name (a receipt's or write-off's warehouse, a transfer's source and destination). */
export const WarehouseInput = ({ source, optional = false }: { source: string; optional?: boolean }) => (
  <ReferenceInput source={source} reference="Warehouse" filter={{ active: true }} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText="name" validate={optional ? undefined : required()} />
  </ReferenceInput>
);

/** An active supplier, by name: who is owed for a receipt or a landed cost. */
export const SupplierInput = () => (
  <ReferenceInput source="supplierId" reference="Counterparty" filter={{ role: 'SUPPLIER', active: true }} sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" validate={required()} />
  </ReferenceInput>
);

/** An active client, by name: who a sales document is for. */
export const ClientInput = ({ disabled = false }: { disabled?: boolean }) => (
  <ReferenceInput source="clientId" reference="Counterparty" filter={{ role: 'CLIENT', active: true }} sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" validate={required()} disabled={disabled} />
  </ReferenceInput>
);

/** A draft's head in a row that wraps: its date, its own head inputs (`children`). */
const Head = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', columnGap: 2, flexWrap: 'wrap', alignItems: 'flex-start', width: '100%', '& > *': { flex: '1 1 220px', maxWidth: { sm: 360 } } }}>
    <DayInput source="date" validate={required()} />
    {children}
  </Box>
);

/**
 * A draft: its date and its own head inputs (`children`), a comment, and its lines — in the
 * line grid (`grid`) or, for lines that are not products (a landed cost's receipt lines, a
 * count sheet), a row of `lines` each.
 */
export const DocumentDraftInputs = ({ children, lines, grid }: { children: ReactNode; lines?: ReactNode; grid?: Omit<LineGridProps, 'type'> }) => {
  const type = useResourceContext() ?? '';
  return (
    <>
      <Head>{children}</Head>
      <TextInput source="comment" multiline fullWidth />
      {grid && <LineGrid type={type} {...grid} />}
      {lines && (
        <ArrayInput source="lines">
          <SimpleFormIterator inline>{lines}</SimpleFormIterator>
        </ArrayInput>
      )}
    </>
  );
};

/** A stock document's draft: goods lines in the grid, with what `grid` adds (a receipt's cost and VAT, a transfer's availability). */
export const StockDocumentInputs = ({ children, grid = {} }: { children: ReactNode; grid?: Omit<LineGridProps, 'type'> }) => (
  <DocumentDraftInputs grid={{ goodsOnly: true, ...grid }}>{children}</DocumentDraftInputs>
);
