import { useFormContext, useWatch } from 'react-hook-form';
import {
  AutocompleteArrayInput, AutocompleteInput, ReferenceArrayInput, ReferenceField, ReferenceInput, SelectInput, TextField, TextInput, required, useGetOne, useRecordContext, useSourceContext,
} from 'react-admin';
import { fieldLabel } from '../shared/documents/documentTypes';
import { useDecimalFormat } from '../shared/fields';
import { parseDecimal } from '../shared/forms';

const label = fieldLabel('LandedCost');

interface ReceiptOption {
  number: string;
  supplier?: { name: string };
}

const receiptText = (receipt: ReceiptOption) => `${receipt.number} · ${receipt.supplier?.name ?? ''}`;

const POSTED_RECEIPTS = { filter: { status: 'POSTED' }, sort: { field: 'date', order: 'DESC' } } as const;

/** Posted goods receipts taken whole: the API adds every line of each after the lines listed one by one. */
export const ReceiptsInput = () => (
  <ReferenceArrayInput source="goodsReceiptIds" reference="GoodsReceipt" {...POSTED_RECEIPTS}>
    <AutocompleteArrayInput optionText={receiptText} helperText={label('goodsReceiptIdsHelp')} sx={{ minWidth: 480 }} />
  </ReferenceArrayInput>
);

/** A receipt line as a choice: "2 · SKU name × 10". */
const ReceiptLineOption = () => {
  const line = useRecordContext<{ lineNo: number; productId: string; quantity: string }>();
  const decimal = useDecimalFormat();
  if (!line) return null;
  return (
    <span>
      {line.lineNo} ·{' '}
      <ReferenceField source="productId" reference="Product" link={false}>
        <TextField source="sku" /> <TextField source="name" />
      </ReferenceField>{' '}
      × {decimal(line.quantity)}
    </span>
  );
};

/**
 * One line of a landed cost, picked as a posted receipt and one of its lines, with the weight
 * (method WEIGHT; empty: product weight × quantity) or the part of the amount (MANUAL) the method needs.
 */
export const LandedCostLineInputs = () => {
  const row = useSourceContext().getSource('');
  const { setValue } = useFormContext();
  const method = useWatch({ name: 'method' });
  const receiptId = useWatch({ name: `${row}.goodsReceiptId` }) as string | undefined;
  const { data: receipt } = useGetOne<{ id: string; lines: { id: string }[] }>('GoodsReceipt', { id: receiptId ?? '' }, { enabled: !!receiptId });
  return (
    <>
      <ReferenceInput source="goodsReceiptId" reference="GoodsReceipt" {...POSTED_RECEIPTS}>
        <AutocompleteInput
          optionText={receiptText}
          label={label('goodsReceipt')}
          validate={required()}
          onChange={() => setValue(`${row}.goodsReceiptLineId`, null)}
          sx={{ minWidth: 280 }}
        />
      </ReferenceInput>
      <SelectInput
        source="goodsReceiptLineId"
        label={label('goodsReceiptLine')}
        choices={receipt?.lines ?? []}
        optionText={<ReceiptLineOption />}
        validate={required()}
        helperText={receipt ? false : label('chooseReceiptFirst')}
        sx={{ minWidth: 320 }}
      />
      {method === 'WEIGHT' && <TextInput source="weight" label={label('weight')} parse={parseDecimal} helperText={label('weightHelp')} />}
      {method === 'MANUAL' && <TextInput source="manualAmount" label={label('manualAmount')} validate={required()} parse={parseDecimal} />}
    </>
  );
};
