/**
 * Lines pasted from a spreadsheet: a row per line, cells "SKU, quantity[, price]" as Excel
 * copies them (tab-separated; `;` also taken), quantities and prices the way people type
 * them ("1 250,5"). Pure: which SKUs exist is looked up afterwards (resolvePasted).
 */

export interface PastedRow {
  /** The row of the pasted text, from 1. */
  row: number;
  sku: string;
  quantity?: string;
  price?: string;
  problem?: 'NO_SKU' | 'BAD_QUANTITY' | 'BAD_PRICE';
}

const NUMBER = /^\d+(\.\d+)?$/;

/** "1 250,50" → "1250.50"; null when it is not a positive number. */
export function typedNumber(text: string | undefined): string | null {
  if (text === undefined) return null;
  const plain = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return NUMBER.test(plain) && Number(plain) > 0 ? plain : null;
}

/** Whether a text holds more than one cell or line: a paste to take as lines rather than as a search. */
export const isSpreadsheetPaste = (text: string) => /[\t\r\n]/.test(text.trim());

/** The rows of a pasted text; a first row whose quantity is not a number is a header and is skipped. */
export function parsePastedLines(text: string, withPrice: boolean): PastedRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: PastedRow[] = [];
  lines.forEach((line, index) => {
    if (!line.trim()) return;
    const cells = (line.includes('\t') ? line.split('\t') : line.split(';')).map((cell) => cell.trim());
    const [sku = '', quantityText, priceText] = cells;
    const quantity = typedNumber(quantityText);
    const price = withPrice && priceText !== undefined && priceText !== '' ? typedNumber(priceText) : undefined;
    if (!rows.length && index === lines.findIndex((l) => l.trim()) && quantity === null && sku) return; // a header
    const row: PastedRow = { row: index + 1, sku };
    if (!sku) row.problem = 'NO_SKU';
    else if (quantity === null) row.problem = 'BAD_QUANTITY';
    else if (price === null) row.problem = 'BAD_PRICE';
    if (quantity !== null) row.quantity = quantity;
    if (price) row.price = price;
    rows.push(row);
  });
  return rows;
}

export interface PasteProduct {
  id: string;
  sku: string;
  active: boolean;
  kind?: string;
}

export type PasteOutcome = 'ADDED' | 'NO_SKU' | 'BAD_QUANTITY' | 'BAD_PRICE' | 'UNKNOWN_SKU' | 'INACTIVE' | 'NOT_GOODS';

export interface PasteReport {
  row: number;
  sku: string;
  outcome: PasteOutcome;
}

/**
 * The lines to add and what became of each row: a known, active product (goods only where
 * the document keeps stock) becomes a line with its quantity and price; any other row is
 * reported with why.
 */
export function resolvePasted(rows: PastedRow[], products: PasteProduct[], goodsOnly: boolean) {
  const bySku = new Map(products.map((p) => [p.sku, p]));
  const lines: { productId: string; quantity: string; price?: string }[] = [];
  const report: PasteReport[] = rows.map((row) => {
    if (row.problem) return { row: row.row, sku: row.sku, outcome: row.problem };
    const product = bySku.get(row.sku);
    if (!product) return { row: row.row, sku: row.sku, outcome: 'UNKNOWN_SKU' };
    if (!product.active) return { row: row.row, sku: row.sku, outcome: 'INACTIVE' };
    if (goodsOnly && product.kind && product.kind !== 'GOODS') return { row: row.row, sku: row.sku, outcome: 'NOT_GOODS' };
    lines.push({ productId: product.id, quantity: row.quantity!, ...(row.price ? { price: row.price } : {}) });
    return { row: row.row, sku: row.sku, outcome: 'ADDED' };
  });
  return { lines, report };
}
