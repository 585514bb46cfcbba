import AddIcon from '@mui/icons-material/Add';
import ContentPasteIcon from '@mui/icons-material/ContentPaste';
import DeleteIcon from '@mui/icons-material/Close';
import { Box, IconButton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { Button, TextInput, useDataProvider, useTranslate } from 'react-admin';
import { useDecimalFormat, useMoneyFormat } from '../fields';
import { parseDecimal } from '../forms';
import { useUnitLabel } from '../units';
import { fieldLabel } from './documentTypes';
import { LineProductsProvider, useAvailability, useLineProducts, type LineProduct } from './lineProducts';
import { lineFigures } from './lineTotals';
import { LineTotals } from './LineTotals';
import { PasteLinesDialog, PasteReportPanel } from './PasteLines';
import { parsePastedLines, resolvePasted, type PasteReport } from './pasteLines';
import { ProductCell } from './ProductCell';
import { VatRateSelect } from './VatRateSelect';
import { aboveZero, notNegative, requiredInUsedLine } from './lineValidation';

export interface LineGridProps {
  /** The document type, whose labels the grid uses (resources.<type>.fields.*). */
  type: string;
  /** Whether lines have a quantity (a price list's have none). */
  quantity?: boolean;
  /** The line's price or unit cost, without VAT: a priced document shows amounts and totals. */
  price?: 'unitCost' | 'price' | 'unitPrice';
  /** A VAT rate per line. */
  vat?: boolean;
  /** The head field of the warehouse the lines take goods from: each line shows what is available there. */
  availableIn?: string;
  /** Stock documents keep goods only. */
  goodsOnly?: boolean;
  /** A manual discount per line, in percent (an order's: its price comes from the quote). */
  discount?: boolean;
}

interface Line {
  productId?: string | null;
  quantity?: string | null;
  unitCost?: string | null;
  price?: string | null;
  unitPrice?: string | null;
  vatRate?: string | null;
  manualDiscountPercent?: string | null;
}

const CELL = { py: 0.25, px: 0.75, verticalAlign: 'top' } as const;
const INPUT = { my: 0, minWidth: 90, '& .MuiFormHelperText-root': { mx: 0 } } as const;

/**
 * The lines of a document as an editable grid, built for speed: a product found by SKU, name
 * or barcode (scanned too), its unit, the quantity, price or cost, VAT; the line's amount and,
 * for outgoing documents, what is available as it is typed. Enter moves to the next cell, Tab
 * past the last cell starts a new line; lines pasted from a spreadsheet (SKU, quantity[,
 * price]) are added with a report of every row. Priced documents end with their totals, VAT per rate.
 */
export const LineGrid = (props: LineGridProps) => {
  const lines = (useWatch({ name: 'lines' }) ?? []) as Line[];
  return (
    <LineProductsProvider ids={lines.map((line) => line.productId)}>
      <Grid {...props} lines={lines} />
    </LineProductsProvider>
  );
};

const Grid = ({ type, quantity = true, price, vat = false, availableIn, goodsOnly = false, discount = false, lines }: LineGridProps & { lines: Line[] }) => {
  const translate = useTranslate();
  const label = (name: string) => translate(fieldLabel(type)(name), { _: name });
  const money = useMoneyFormat();
  const decimal = useDecimalFormat();
  const unitLabel = useUnitLabel();
  const dataProvider = useDataProvider();
  const products = useLineProducts();
  const { setValue, getValues } = useFormContext();
  const { fields, append, remove } = useFieldArray({ name: 'lines' });
  const warehouseId = useWatch({ name: availableIn ?? '__none__' }) as string | undefined;
  const available = useAvailability(availableIn ? warehouseId : undefined, lines.map((line) => line.productId));
  const grid = useRef<HTMLDivElement>(null);
  const [pasting, setPasting] = useState(false);
  const [report, setReport] = useState<PasteReport[] | null>(null);

  // the cells Enter and Tab go through, in order
  const cells = ['productId', ...(quantity ? ['quantity'] : []), ...(price ? [price] : []), ...(vat ? ['vatRate'] : []), ...(discount ? ['manualDiscountPercent'] : [])];
  const last = cells.length - 1;
  const emptyLine = () => Object.fromEntries(cells.map((cell) => [cell, cell === 'productId' ? null : '']));

  const focus = (row: number, col: number, tries = 20) => {
    const input = grid.current?.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-cell="${row}:${col}"] :is(input:not([type=hidden]):not([aria-hidden=true]), select)`);
    if (input) {
      input.focus();
      if (input instanceof HTMLInputElement) input.select();
    } else if (tries > 0) setTimeout(() => focus(row, col, tries - 1), 25);
  };
  const addLine = () => {
    append(emptyLine(), { shouldFocus: false });
    focus(fields.length, 0);
  };
  const moveOn = (row: number, col: number) => {
    if (col < last) focus(row, col + 1);
    else if (row < fields.length - 1) focus(row + 1, 0);
    else addLine();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell || event.shiftKey || event.ctrlKey || event.altKey || event.defaultPrevented) return;
    const [row, col] = cell.dataset.cell!.split(':').map(Number);
    const enter = event.key === 'Enter' && col > 0; // the product cell moves on by itself, once its product is taken
    const tabOut = event.key === 'Tab' && row === fields.length - 1 && col === last;
    if (!enter && !tabOut) return;
    event.preventDefault();
    moveOn(row, col);
  };

  const chosen = (row: number, product: LineProduct | null) => {
    if (product && vat && !getValues(`lines.${row}.vatRate`)) setValue(`lines.${row}.vatRate`, String(product.vatRate ?? ''), { shouldDirty: true });
    if (product) moveOn(row, 0);
  };

  /** Rows pasted from a spreadsheet: the known products become lines (in place of an empty one), every row is reported. */
  const paste = async (text: string) => {
    const rows = parsePastedLines(text, !!price);
    const skus = [...new Set(rows.map((row) => row.sku).filter(Boolean))];
    const { data } = skus.length
      ? await dataProvider.getList<LineProduct & { active: boolean }>('Product', { filter: { skus }, pagination: { page: 1, perPage: 500 }, sort: { field: 'sku', order: 'ASC' } })
      : { data: [] };
    const resolved = resolvePasted(rows, data.map((p) => ({ ...p, active: p.active ?? true })), goodsOnly);
    data.forEach((product) => products.remember(product));
    const current = (getValues('lines') ?? []) as Line[];
    const empty = current.map((line, i) => (!line.productId ? i : -1)).filter((i) => i >= 0);
    remove(empty);
    append(
      resolved.lines.map((line) => ({
        ...emptyLine(),
        productId: line.productId,
        ...(quantity ? { quantity: line.quantity } : {}),
        ...(price ? { [price]: line.price ?? '' } : {}),
        ...(vat ? { vatRate: String(data.find((p) => p.id === line.productId)?.vatRate ?? '') } : {}),
      })),
      { shouldFocus: false },
    );
    setReport(resolved.report);
    setPasting(false);
  };

  return (
    // minWidth 0: in the form's column a wide grid scrolls within itself instead of widening the page
    <Box sx={{ width: '100%', minWidth: 0, maxWidth: '100%', mb: 2 }}>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mt: 1 }}>
        {label('lines')}
      </Typography>
      <Box ref={grid} onKeyDown={onKeyDown} sx={{ overflowX: 'auto', width: '100%' }}>
        <Table size="small" className="line-grid" aria-label={label('lines')}>
          <TableHead>
            <TableRow>
              <TableCell sx={CELL}>{label('lineNo')}</TableCell>
              <TableCell sx={CELL}>{label('product')}</TableCell>
              <TableCell sx={CELL}>{label('unit')}</TableCell>
              {quantity && <TableCell sx={CELL} align="right">{label('quantity')}</TableCell>}
              {availableIn && <TableCell sx={CELL} align="right">{label('available')}</TableCell>}
              {price && <TableCell sx={CELL} align="right">{label(price)}</TableCell>}
              {vat && <TableCell sx={CELL}>{label('vatRate')}</TableCell>}
              {discount && <TableCell sx={CELL} align="right">{label('manualDiscountPercent')}</TableCell>}
              {price && quantity && <TableCell sx={CELL} align="right">{label('amount')}</TableCell>}
              {price && quantity && vat && <TableCell sx={CELL} align="right">{label('vat')}</TableCell>}
              {price && quantity && vat && <TableCell sx={CELL} align="right">{label('total')}</TableCell>}
              <TableCell sx={CELL} />
            </TableRow>
          </TableHead>
          <TableBody>
            {fields.map((row, index) => {
              const line = lines[index] ?? {};
              const product = products.get(line.productId);
              const figures = price && quantity ? lineFigures({ quantity: line.quantity, price: line[price], vatRate: line.vatRate }) : null;
              const free = line.productId ? available?.get(line.productId) : undefined;
              const short = free !== undefined && line.quantity && Number(line.quantity) > Number(free);
              const col = (name: string) => `${index}:${cells.indexOf(name)}`;
              return (
                <TableRow key={row.id} data-testid={`line-${index}`}>
                  <TableCell sx={{ ...CELL, pt: 1.5 }}>{index + 1}</TableCell>
                  <TableCell sx={CELL} data-cell={col('productId')}>
                    <ProductCell index={index} label={label('product')} goodsOnly={goodsOnly} onChosen={(p) => chosen(index, p)} onEnter={() => moveOn(index, 0)} onPasteLines={paste} />
                  </TableCell>
                  <TableCell sx={{ ...CELL, pt: 1.5, whiteSpace: 'nowrap' }} data-testid="unit">
                    {unitLabel(product?.unit)}
                  </TableCell>
                  {quantity && (
                    <TableCell sx={CELL} data-cell={col('quantity')}>
                      <TextInput source={`lines.${index}.quantity`} label={false} validate={[requiredInUsedLine, aboveZero]} parse={parseDecimal} variant="standard" sx={INPUT} />
                    </TableCell>
                  )}
                  {availableIn && (
                    <TableCell sx={{ ...CELL, pt: 1.5, color: short ? 'error.main' : undefined }} align="right" data-testid="available">
                      {free === undefined ? '—' : decimal(free)}
                    </TableCell>
                  )}
                  {price && (
                    <TableCell sx={CELL} data-cell={col(price)}>
                      <TextInput source={`lines.${index}.${price}`} label={false} validate={[requiredInUsedLine, notNegative]} parse={parseDecimal} variant="standard" sx={INPUT} />
                    </TableCell>
                  )}
                  {vat && (
                    <TableCell sx={CELL} data-cell={col('vatRate')}>
                      <VatRateSelect source={`lines.${index}.vatRate`} label={label('vatRate')} />
                    </TableCell>
                  )}
                  {discount && (
                    <TableCell sx={CELL} data-cell={col('manualDiscountPercent')}>
                      <TextInput source={`lines.${index}.manualDiscountPercent`} label={false} validate={notNegative} parse={parseDecimal} variant="standard" sx={INPUT} />
                    </TableCell>
                  )}
                  {price && quantity && (
                    <TableCell sx={{ ...CELL, pt: 1.5, whiteSpace: 'nowrap' }} align="right" data-testid="amount">
                      {figures ? money(figures.amount) : '—'}
                    </TableCell>
                  )}
                  {price && quantity && vat && (
                    <TableCell sx={{ ...CELL, pt: 1.5, whiteSpace: 'nowrap' }} align="right" data-testid="vat">
                      {figures ? money(figures.vat) : '—'}
                    </TableCell>
                  )}
                  {price && quantity && vat && (
                    <TableCell sx={{ ...CELL, pt: 1.5, whiteSpace: 'nowrap' }} align="right" data-testid="total">
                      {figures ? money(figures.total) : '—'}
                    </TableCell>
                  )}
                  <TableCell sx={CELL}>
                    <IconButton size="small" tabIndex={-1} aria-label={translate('tradebook.lines.remove', { number: index + 1 })} onClick={() => remove(index)}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
        <Button label="tradebook.lines.add" onClick={addLine}>
          <AddIcon />
        </Button>
        <Button label="tradebook.lines.paste" onClick={() => setPasting(true)}>
          <ContentPasteIcon />
        </Button>
      </Box>
      {pasting && <PasteLinesDialog withPrice={!!price} onPaste={paste} onClose={() => setPasting(false)} />}
      {report && <PasteReportPanel report={report} onClose={() => setReport(null)} />}
      {price && quantity && <LineTotals lines={lines.map((line) => ({ quantity: line.quantity, price: line[price], vatRate: line.vatRate }))} vat={vat} />}
    </Box>
  );
};
