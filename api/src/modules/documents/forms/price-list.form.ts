import type { Context } from '../../../server/context';
import { MAX_PER_PAGE } from '../../../shared/pagination';
import { Decimal } from '../../../shared/money';
import type { PriceType } from '../../pricing/price-type.entity';
import type { PrintLanguage } from '../amount-in-words';
import { companyParty, productsOf, type PrintedProduct } from '../form-data';
import { formatDate, formatMoney, linesTable, partiesBlock, say, type Column } from '../form-layout';
import { renderPdf } from '../pdf-renderer';
import type { PrintableType, PrintedFile, PrintRequest } from '../print-form';

/** A PDF of more rows would take minutes and help nobody; a spreadsheet takes the whole catalogue. */
const MAX_ROWS = { pdf: 5_000, xlsx: 100_000 } as const;

interface Row {
  no: number;
  price: string;
  printed?: PrintedProduct;
}

/** The prices of a type in effect today, in SKU order, page by page through the pricing service (a partner only its own type). */
async function pricesOf(ctx: Context, priceType: PriceType, lang: PrintLanguage, max: number): Promise<{ rows: Row[]; total: number; date: string }> {
  const date = new Date().toISOString().slice(0, 10);
  const rows: Row[] = [];
  let total = 0;
  for (let page = 1; rows.length < max; page++) {
    const found = await ctx.services.prices.prices(ctx, { filter: { priceTypeId: priceType.id, date }, sort: [{ field: 'sku', order: 'ASC' }], page, perPage: MAX_PER_PAGE } as never);
    total = found.total;
    const products = await productsOf(ctx, found.items.map((q) => q.productId), lang);
    for (const quote of found.items.slice(0, max - rows.length)) rows.push({ no: rows.length + 1, price: quote.price, printed: products.get(quote.productId) });
    if (found.items.length < MAX_PER_PAGE) break;
  }
  return { rows, total, date };
}

/** The price type, or null when it is missing or not the caller's to read (a partner reads its own only). */
async function readablePriceType(ctx: Context, id: string): Promise<PriceType | null> {
  const priceType = await ctx.services.priceTypes.get(ctx, id);
  return priceType && (await ctx.services.prices.mayRead(ctx, priceType.id)) ? priceType : null;
}

const vatNote = (priceType: PriceType, lang: PrintLanguage) =>
  priceType.vatIncluded ? say(lang, { ru: 'Цены указаны с НДС', en: 'Prices include VAT' }) : say(lang, { ru: 'Цены указаны без НДС, НДС начисляется сверху', en: 'Prices exclude VAT; VAT is added on top' });

async function priceListPdf(ctx: Context, priceType: PriceType, lang: PrintLanguage): Promise<Buffer> {
  const [company, { rows, total, date }] = await Promise.all([ctx.services.companyDetails.get(ctx), pricesOf(ctx, priceType, lang, MAX_ROWS.pdf)]);
  const columns: Column<Row>[] = [
    { header: { ru: '№', en: 'No.' }, width: 25, align: 'right', value: (r) => String(r.no) },
    { header: { ru: 'Артикул', en: 'SKU' }, width: 80, value: (r) => r.printed?.sku ?? '' },
    { header: { ru: 'Товар', en: 'Product' }, width: '*', value: (r) => r.printed?.name ?? '' },
    { header: { ru: 'Ед.', en: 'Unit' }, width: 55, value: (r) => r.printed?.unit ?? '' },
    { header: { ru: 'Цена, руб.', en: 'Price, RUB' }, width: 70, align: 'right', value: (r) => formatMoney(r.price, lang) },
  ];
  const title = lang === 'ru' ? `Прайс-лист «${priceType.name}» на ${formatDate(date)}` : `Price list “${priceType.name}” as of ${formatDate(date)}`;
  const cut = total > rows.length ? [{ text: say(lang, { ru: `Показаны первые ${rows.length} из ${total} позиций; полный список — в XLSX`, en: `The first ${rows.length} of ${total} items; the full list is in the XLSX` }), italics: true }] : [];
  return renderPdf({
    title,
    lang,
    content: [
      { text: title, style: 'title' },
      partiesBlock(lang, [companyParty(company, { ru: 'Поставщик', en: 'Supplier' }, lang)], company.logo),
      { text: vatNote(priceType, lang), margin: [0, 0, 0, 6] },
      linesTable(lang, columns, rows),
      ...cut,
    ],
  });
}

async function priceListXlsx(ctx: Context, priceType: PriceType, lang: PrintLanguage): Promise<Buffer> {
  const { rows, date } = await pricesOf(ctx, priceType, lang, MAX_ROWS.xlsx);
  const { default: ExcelJS } = await import('exceljs'); // loaded on the first XLSX, not at boot
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tradebook';
  const sheet = workbook.addWorksheet(priceType.code);
  sheet.addRow([lang === 'ru' ? `Прайс-лист «${priceType.name}» на ${formatDate(date)}` : `Price list “${priceType.name}” as of ${formatDate(date)}`]).font = { bold: true, size: 12 };
  sheet.addRow([vatNote(priceType, lang)]);
  const header = sheet.addRow(['№', 'SKU', 'Product', 'Unit', 'Price, RUB'].map((en, i) => (lang === 'ru' ? ['№', 'Артикул', 'Товар', 'Ед.', 'Цена, руб.'][i] : en)));
  header.font = { bold: true };
  // prices go in as numbers with two places shown: a spreadsheet sums them; numeric(19,4) prices fit a double exactly enough for display
  for (const r of rows) sheet.addRow([r.no, r.printed?.sku ?? '', r.printed?.name ?? '', r.printed?.unit ?? '', new Decimal(r.price).toDecimalPlaces(2).toNumber()]);
  sheet.getColumn(5).numFmt = '#,##0.00';
  sheet.columns.forEach((column, i) => (column.width = [6, 16, 50, 10, 14][i]));
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function priceList(ctx: Context, { id, lang, format }: PrintRequest): Promise<PrintedFile | null> {
  const priceType = await readablePriceType(ctx, id);
  if (!priceType) return null;
  const body = format === 'xlsx' ? await priceListXlsx(ctx, priceType, lang) : await priceListPdf(ctx, priceType, lang);
  return { body, baseName: `price-list-${priceType.code}` };
}

export const priceTypePrintable: PrintableType = {
  documentType: 'price-type',
  permission: 'price:read',
  forms: [{ name: 'price-list', label: { ru: 'Прайс-лист', en: 'Price list' }, formats: ['pdf', 'xlsx'], render: priceList }],
};
