import { Box, Typography } from '@mui/material';
import { useWatch } from 'react-hook-form';
import { Labeled, ReferenceField, TextField, TextInput, required, useSourceContext, useTranslate } from 'react-admin';
import { fieldLabel } from '../shared/documents/documentTypes';
import { useDecimalFormat } from '../shared/fields';
import { parseDecimal } from '../shared/forms';
import { ProductLineInput } from '../shared/products';
import { countDifference } from './countDifference';

const label = fieldLabel('StockCount');

interface CountLine {
  id?: string;
  productId?: string;
  bookQuantity?: string;
  countedQuantity?: string | null;
}

/** A read-only value beside the inputs of a line, labelled like them. */
const LineValue = ({ name, value, testId }: { name: string; value: string; testId: string }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ minWidth: 110, textAlign: 'right' }}>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate(label(name))}
      </Typography>
      <Typography data-testid={testId}>{value}</Typography>
    </Box>
  );
};

/**
 * One line of a count sheet: a saved line's product (not changed: its book quantity belongs
 * to it) or a product picked for a line added by hand, the book quantity, the counted quantity
 * to type, and the difference as it is typed. A line added by hand gets its book quantity when saved.
 */
export const CountLineInputs = () => {
  const row = useSourceContext().getSource('');
  const line = (useWatch({ name: row }) ?? {}) as CountLine;
  const decimal = useDecimalFormat();
  const saved = !!line.id;
  const difference = saved ? countDifference(line) : null;
  return (
    <>
      {saved ? (
        <Labeled label={label('product')} sx={{ minWidth: 360 }}>
          <ReferenceField record={line} source="productId" reference="Product" link={false}>
            <TextField source="sku" /> <TextField source="name" />
          </ReferenceField>
        </Labeled>
      ) : (
        <ProductLineInput label={label('product')} />
      )}
      <LineValue name="bookQuantity" value={saved ? decimal(line.bookQuantity) : '—'} testId="bookQuantity" />
      <TextInput source="countedQuantity" label={label('countedQuantity')} validate={required()} parse={parseDecimal} />
      <LineValue name="difference" value={difference === null ? '—' : decimal(difference)} testId="difference" />
    </>
  );
};
