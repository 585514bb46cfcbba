import { Autocomplete, TextField } from '@mui/material';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useDataProvider, useGetList, useInput, useTranslate } from 'react-admin';
import { requiredInUsedLine } from './lineValidation';
import { productLabel } from '../products';
import { isSpreadsheetPaste } from './pasteLines';
import { useLineProducts, type LineProduct } from './lineProducts';

interface ProductCellProps {
  index: number;
  label: string;
  /** Stock documents keep goods only. */
  goodsOnly: boolean;
  /** A product was chosen (by a pick, an Enter or a scan): the grid moves on and fills the line's defaults. */
  onChosen: (product: LineProduct | null) => void;
  /** Enter where nothing is to be chosen: the grid moves on. */
  onEnter: () => void;
  /** Several cells or rows pasted: the grid takes them as lines. */
  onPasteLines: (text: string) => void;
}

const SEARCH_DELAY = 250;

/** The same product, whatever the case: SKU or barcode typed or scanned exactly. */
const matches = (product: LineProduct, text: string) => [product.sku, product.barcode ?? ''].some((code) => code.toLowerCase() === text.toLowerCase());

/**
 * A line's product, searched by SKU, name or barcode (the API's `q`) as it is typed. Enter
 * takes the highlighted option once the options are those of what was typed; a scanner's
 * Enter, faster than the search, takes the one product whose SKU or barcode it is.
 */
export const ProductCell = ({ index, label, goodsOnly, onChosen, onEnter, onPasteLines }: ProductCellProps) => {
  const source = `lines.${index}.productId`;
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const products = useLineProducts();
  const { field, fieldState } = useInput({ source, validate: requiredInUsedLine });
  const chosen = products.get(field.value);
  const [text, setText] = useState(chosen ? productLabel(chosen) : '');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const filter = { q: search || undefined, active: true, ...(goodsOnly ? { kind: 'GOODS' } : {}) };
  const { data: options = [], isFetching } = useGetList<LineProduct>(
    'Product',
    { filter, pagination: { page: 1, perPage: 20 }, sort: { field: 'sku', order: 'ASC' } },
    { enabled: open, placeholderData: keepPreviousData },
  );
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text === (chosen ? productLabel(chosen) : '') ? '' : text), SEARCH_DELAY);
    return () => clearTimeout(timer);
  }, [text, chosen]);
  // a product read after the cell was drawn (a saved draft's) shows its label
  useEffect(() => {
    if (chosen) setText(productLabel(chosen));
  }, [chosen]);

  const choose = (product: LineProduct | null) => {
    if (product) products.remember(product);
    field.onChange(product?.id ?? null);
    setText(product ? productLabel(product) : '');
    onChosen(product);
  };

  /** The one product a typed or scanned code stands for, or none. */
  const resolve = async (typed: string) => {
    const { data } = await dataProvider.getList<LineProduct>('Product', { filter: { ...filter, q: typed }, pagination: { page: 1, perPage: 5 }, sort: { field: 'sku', order: 'ASC' } });
    return data.find((p) => matches(p, typed)) ?? (data.length === 1 ? data[0] : undefined);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey) return;
    const typed = text.trim();
    const fresh = search === typed && !isFetching;
    if (open && options.length && fresh) return; // the highlighted option is taken: onChange moves on
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    if (!typed || (chosen && typed === productLabel(chosen))) return onEnter();
    void resolve(typed).then((product) => (product ? choose(product) : onEnter()));
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    if (!isSpreadsheetPaste(pasted)) return;
    event.preventDefault();
    onPasteLines(pasted);
  };

  return (
    <Autocomplete<LineProduct, false, false, false>
      options={options}
      value={chosen ?? null}
      inputValue={text}
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      onInputChange={(_, value, reason) => {
        if (reason === 'input' || reason === 'clear') setText(value);
        if (reason === 'input') setOpen(true);
      }}
      onChange={(_, product) => choose(product)}
      filterOptions={(found) => found}
      getOptionLabel={productLabel}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      loading={isFetching}
      autoHighlight
      openOnFocus={false}
      noOptionsText={translate('ra.navigation.no_results')}
      loadingText={translate('ra.page.loading')}
      sx={{ minWidth: 300 }}
      renderInput={(params) => (
        <TextField
          {...params}
          variant="standard"
          error={fieldState.invalid}
          helperText={fieldState.error?.message ? translate(fieldState.error.message, { _: fieldState.error.message }) : undefined}
          slotProps={{
            ...params.slotProps,
            htmlInput: {
              ...params.slotProps.htmlInput,
              name: source,
              'aria-label': label,
              onKeyDown,
              onPaste,
              onBlur: (event: React.FocusEvent<HTMLInputElement>) => {
                params.slotProps.htmlInput.onBlur?.(event);
                field.onBlur();
              },
            },
          }}
        />
      )}
    />
  );
};
