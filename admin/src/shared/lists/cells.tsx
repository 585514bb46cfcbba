import type { ReactNode } from 'react';
import { BooleanField, NumberField, TextField, useRecordContext } from 'react-admin';
import { EnumField, EnumListField, type EnumName } from '../enums';
import { DayField, DecimalField, LocaleDateField, MoneyField } from '../fields';
import { kindOf, type Column } from './columns';

const CustomCell = ({ column }: { column: Column }) => {
  const record = useRecordContext();
  return record && column.render ? <>{column.render(record)}</> : null;
};

/** The field that draws a column's cell. */
export function cellOf(column: Column): ReactNode {
  const source = column.source;
  switch (kindOf(column)) {
    case 'money':
      return <MoneyField source={source} emptyText="—" />;
    case 'decimal':
      return <DecimalField source={source} emptyText="—" />;
    case 'integer':
      return <NumberField source={source} emptyText="—" />;
    case 'day':
      return <DayField source={source} emptyText="—" />;
    case 'moment':
      return <LocaleDateField source={source} emptyText="—" />;
    case 'boolean':
      return <BooleanField source={source} />;
    case 'enum':
      return <EnumField source={source} enumName={column.enumName!} emptyText="—" />;
    case 'enumList':
      return <EnumListColumn source={source} enumName={column.enumName!} />;
    case 'custom':
      return <CustomCell column={column} />;
    default:
      return <TextField source={source} emptyText="—" />;
  }
}

const EnumListColumn = ({ source, enumName }: { source: string; enumName: EnumName }) => {
  const record = useRecordContext();
  return <EnumListField source={source} enumName={enumName} record={record ?? undefined} />;
};
