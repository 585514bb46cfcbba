import type { Context } from '../../../server/context';
import { Decimal, sumOf } from '../../../shared/money';
import { StockCountLine } from '../../inventory/stock-count.entity';
import { Warehouse } from '../../inventory/warehouse.entity';
import { companyParty, productsOf, type PrintedProduct } from '../form-data';
import { documentTitle, formatMoney, formatQuantity, linesTable, partiesBlock, say, signatures, type Column } from '../form-layout';
import { pdfForm, type PrintableType, type PrintedPage, type PrintRequest } from '../print-form';

interface Line {
  lineNo: number;
  counted: string;
  book: string;
  surplus: string;
  shortage: string;
  /** + surplus value, − shortage cost, once posted; shown with cost:read. */
  differenceCost: string | null;
  printed?: PrintedProduct;
}

/** A stock count as an inventory count sheet in the manner of ИНВ-3: counted against the books, surplus and shortage per line. */
async function countSheet(ctx: Context, { id, lang }: Omit<PrintRequest, 'format'>): Promise<PrintedPage | null> {
  const count = await ctx.services.stockCounts.get(ctx, id);
  if (!count) return null;
  const [warehouse, company, rows] = await Promise.all([
    ctx.loaders.byId(Warehouse).load(count.warehouse.id),
    ctx.services.companyDetails.get(ctx),
    ctx.loaders.byForeignKey(StockCountLine, 'stockCount', { lineNo: 'asc' }).load(count.id),
  ]);
  const products = await productsOf(ctx, rows.map((l) => l.product.id), lang);
  const showCost = !!ctx.user?.permissions.has('cost:read') && rows.some((l) => l.differenceCost != null);
  const lines: Line[] = rows.map((l) => {
    const difference = new Decimal(l.countedQuantity).minus(l.bookQuantity);
    return { lineNo: l.lineNo, counted: l.countedQuantity, book: l.bookQuantity, surplus: Decimal.max(difference, 0).toFixed(), shortage: Decimal.max(difference.neg(), 0).toFixed(), differenceCost: l.differenceCost ?? null, printed: products.get(l.product.id) };
  });
  const qty = (value: string) => (new Decimal(value).isZero() ? '' : formatQuantity(value, lang));
  const columns: Column<Line>[] = [
    { header: { ru: '№', en: 'No.' }, width: 18, align: 'right', value: (l) => String(l.lineNo) },
    { header: { ru: 'Артикул', en: 'SKU' }, width: 60, value: (l) => l.printed?.sku ?? '' },
    { header: { ru: 'Товар', en: 'Product' }, width: '*', value: (l) => l.printed?.name ?? '' },
    { header: { ru: 'Ед.', en: 'Unit' }, width: 50, value: (l) => l.printed?.unit ?? '' },
    { header: { ru: 'Фактическое наличие', en: 'Counted' }, width: 60, align: 'right', value: (l) => formatQuantity(l.counted, lang) },
    { header: { ru: 'По данным учёта', en: 'On the books' }, width: 60, align: 'right', value: (l) => formatQuantity(l.book, lang) },
    { header: { ru: 'Излишек', en: 'Surplus' }, width: 50, align: 'right', value: (l) => qty(l.surplus) },
    { header: { ru: 'Недостача', en: 'Shortage' }, width: 50, align: 'right', value: (l) => qty(l.shortage) },
  ];
  if (showCost) columns.push({ header: { ru: 'Сумма расхождения', en: 'Difference value' }, width: 70, align: 'right', value: (l) => (l.differenceCost == null ? '' : formatMoney(l.differenceCost, lang)) });
  const total = (pick: (l: Line) => string) => formatQuantity(sumOf(lines.map(pick)).toFixed(), lang);
  const totals = [null, null, say(lang, { ru: 'Итого', en: 'Total' }), null, total((l) => l.counted), total((l) => l.book), total((l) => l.surplus), total((l) => l.shortage)];
  if (showCost) totals.push(formatMoney(sumOf(lines.map((l) => l.differenceCost ?? '0')), lang));
  const title = { ru: 'Инвентаризационная опись товаров (ИНВ-3)', en: 'Inventory count sheet (INV-3)' };
  return {
    baseName: count.number,
    page: {
    title: `${say(lang, title)} ${count.number}`,
    lang,
    orientation: 'landscape',
    content: [
      documentTitle(lang, title, count.number, count.date),
      partiesBlock(lang, [companyParty(company, { ru: 'Организация', en: 'Company' }, lang), { label: { ru: 'Склад', en: 'Warehouse' }, name: warehouse!.name, address: warehouse!.address }], company.logo),
      linesTable(lang, columns, lines, totals),
      {
        unbreakable: true,
        stack: [
          { text: lang === 'ru' ? `Всего наименований ${lines.length}` : `Total items ${lines.length}`, margin: [0, 0, 0, 10] },
          signatures(lang, [{ label: { ru: 'Председатель комиссии', en: 'Chair of the commission' } }, { label: { ru: 'Члены комиссии', en: 'Members of the commission' } }, { label: { ru: 'Материально ответственное лицо', en: 'Person accountable' } }]),
        ],
      },
    ],
    },
  };
}

export const stockCountPrintable: PrintableType = {
  documentType: 'stock-count',
  permission: 'stockDocument:read',
  forms: [pdfForm({ name: 'inv-3', label: { ru: 'ИНВ-3', en: 'Count sheet (INV-3)' }, page: countSheet })],
};
