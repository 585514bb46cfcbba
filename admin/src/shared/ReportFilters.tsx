import { Box } from '@mui/material';
import { useEffect, useRef, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { AutocompleteInput, Form, ReferenceInput } from 'react-admin';
import { productLabel } from './products';

/** Hands the report every change of its filters, as `normalize` puts them, once per real change. */
function FilterWatcher<T>({ normalize, onChange }: { normalize: (values: Record<string, unknown>) => T; onChange: (filter: T) => void }) {
  const key = JSON.stringify(normalize(useWatch()));
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => latest.current(JSON.parse(key) as T), [key]);
  return null;
}

interface ReportFiltersProps<T> {
  defaultValues: Record<string, unknown>;
  /** The form's values as the report's filter: empty inputs as null, unchecked boxes as false. */
  normalize: (values: Record<string, unknown>) => T;
  onChange: (filter: T) => void;
  children: ReactNode;
}

/** A report screen's filters in a row; every change applies at once (no Apply button). */
export function ReportFilters<T>({ defaultValues, normalize, onChange, children }: ReportFiltersProps<T>) {
  return (
    <Form defaultValues={defaultValues}>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>{children}</Box>
      <FilterWatcher normalize={normalize} onChange={onChange} />
    </Form>
  );
}

/** A report's warehouse, by name. */
export const WarehouseFilterInput = () => (
  <ReferenceInput source="warehouseId" reference="Warehouse" sort={{ field: 'code', order: 'ASC' }}>
    <AutocompleteInput optionText="name" sx={{ width: 240 }} />
  </ReferenceInput>
);

/** A report's product, as "SKU name". */
export const ProductFilterInput = () => (
  <ReferenceInput source="productId" reference="Product" sort={{ field: 'sku', order: 'ASC' }}>
    <AutocompleteInput optionText={productLabel} sx={{ width: 320 }} />
  </ReferenceInput>
);

/** A report's product group, by its path ("Tools / Drills"); it takes in the groups below it. */
export const GroupFilterInput = () => (
  <ReferenceInput source="groupId" reference="ProductGroup" sort={{ field: 'name', order: 'ASC' }} perPage={500}>
    <AutocompleteInput optionText="path" sx={{ width: 240 }} />
  </ReferenceInput>
);
