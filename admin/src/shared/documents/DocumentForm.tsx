import { useEffect, type ComponentType, type ReactNode } from 'react';
import {
  ArrayInput, AutocompleteInput, Create, DateInput, Edit, ReferenceInput, SimpleForm, SimpleFormIterator, TextInput, required, useRecordContext, useRedirect, useResourceContext,
  type RedirectionSideEffect,
} from 'react-admin';
import { today } from '../fields';
import { parseDecimal, permissionToolbar } from '../forms';
import { ProductLineInput } from '../products';
import { useSaveErrorOptions } from '../useNotifyError';
import { DOCUMENT_PERMISSIONS, fieldLabel, type DocumentRecord, type DocumentType } from './documentTypes';

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
    <Create redirect={afterCreate} mutationOptions={useSaveErrorOptions()}>
      <SimpleForm defaultValues={{ date: today(), lines: [] }}>
        <CreateInputs />
      </SimpleForm>
    </Create>
  );
  const DocumentEdit = () => (
    <Edit mutationMode="pessimistic" redirect="show" mutationOptions={useSaveErrorOptions()}>
      <SimpleForm toolbar={permissionToolbar(DOCUMENT_PERMISSIONS[type])}>
        <DraftsOnly />
        <Inputs />
      </SimpleForm>
    </Edit>
  );
  return { create: DocumentCreate, edit: DocumentEdit };
}

/** An active warehouse, by name (a receipt's or write-off's warehouse, a transfer's source and destination). */
export const WarehouseInput = ({ source }: { source: string }) => (
  <ReferenceInput source={source} reference="Warehouse" filter={{ active: true }} sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText="name" validate={required()} />
  </ReferenceInput>
);

/** An active supplier, by name: who is owed for a receipt or a landed cost. */
export const SupplierInput = () => (
  <ReferenceInput source="supplierId" reference="Counterparty" filter={{ role: 'SUPPLIER', active: true }} sort={{ field: 'name', order: 'ASC' }}>
    <AutocompleteInput optionText="name" validate={required()} />
  </ReferenceInput>
);

/** A draft: its date, its own head inputs (`children`), a comment, and its lines, a row of `lines` each. */
export const DocumentDraftInputs = ({ children, lines }: { children: ReactNode; lines?: ReactNode }) => (
  <>
    <DateInput source="date" validate={required()} />
    {children}
    <TextInput source="comment" multiline fullWidth />
    {lines && (
      <ArrayInput source="lines">
        <SimpleFormIterator inline>{lines}</SimpleFormIterator>
      </ArrayInput>
    )}
  </>
);

/**
 * A stock document's draft: its date, its own head inputs (`children`), a comment, and lines
 * of a product and a quantity each followed by the document's own line inputs (`lineInputs`).
 */
export const StockDocumentInputs = ({ children, lineInputs }: { children: ReactNode; lineInputs?: ReactNode }) => {
  const label = fieldLabel(useResourceContext() ?? '');
  return (
    <DocumentDraftInputs
      lines={
        <>
          <ProductLineInput label={label('product')} />
          <TextInput source="quantity" label={label('quantity')} validate={required()} parse={parseDecimal} />
          {lineInputs}
        </>
      }
    >
      {children}
    </DocumentDraftInputs>
  );
};
