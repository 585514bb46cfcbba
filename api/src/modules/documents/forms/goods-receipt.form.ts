import type { Context } from '../../../server/context';
import { Decimal, sumOf } from '../../../shared/money';
import { Counterparty } from '../../crm/counterparty.entity';
import { GoodsReceiptLine } from '../../inventory/goods-receipt.entity';
import { Warehouse } from '../../inventory/warehouse.entity';
import { companyParty, counterpartyParty, productsOf, type PrintedProduct } from '../form-data';
import { amountInWordsBlock, documentTitle, formatMoney, formatQuantity, linesTable, partiesBlock, say, signatures, totalsBlock, vatByRate, type Column } from '../form-layout';
import { pdfForm, type PrintableType, type PrintedPage, type PrintRequest } from '../print-form';

interface Line {
  lineNo: number;
  quantity: string;
  unitCost: string;
  vatRate: string;
  amount: string;
  vat: string;
  total: string;
  printed?: PrintedProduct;
}

/** A goods receipt as an internal receipt note in the manner of ТОРГ-1: supplier, receiver, lines with VAT, totals and the sum in words. */
async function receiptNote(ctx: Context, { id, lang }: Omit<PrintRequest, 'format'>): Promise<PrintedPage | null> {
  const receipt = await ctx.services.goodsReceipts.get(ctx, id);
  if (!receipt) return null;
  const [supplier, warehouse, company, rows] = await Promise.all([
    ctx.loaders.byId(Counterparty).load(receipt.supplier.id),
    ctx.loaders.byId(Warehouse).load(receipt.warehouse.id),
    ctx.services.companyDetails.get(ctx),
    ctx.loaders.byForeignKey(GoodsReceiptLine, 'goodsReceipt', { lineNo: 'asc' }).load(receipt.id),
  ]);
  const products = await productsOf(ctx, rows.map((l) => l.product.id), lang);
  const lines: Line[] = rows.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, unitCost: l.unitCost, vatRate: l.vatRate, amount: l.amount, vat: l.vat, total: new Decimal(l.amount).plus(l.vat).toFixed(2), printed: products.get(l.product.id) }));
  const money = (value: string) => formatMoney(value, lang);
  const columns: Column<Line>[] = [
    { header: { ru: '№', en: 'No.' }, width: 18, align: 'right', value: (l) => String(l.lineNo) },
    { header: { ru: 'Артикул', en: 'SKU' }, width: 55, value: (l) => l.printed?.sku ?? '' },
    { header: { ru: 'Товар', en: 'Product' }, width: '*', value: (l) => l.printed?.name ?? '' },
    { header: { ru: 'Ед.', en: 'Unit' }, width: 40, value: (l) => l.printed?.unit ?? '' },
    { header: { ru: 'Кол-во', en: 'Qty' }, width: 40, align: 'right', value: (l) => formatQuantity(l.quantity, lang) },
    { header: { ru: 'Цена без НДС', en: 'Price excl. VAT' }, width: 52, align: 'right', value: (l) => formatMoney(l.unitCost, lang) },
    { header: { ru: 'Сумма без НДС', en: 'Amount excl. VAT' }, width: 58, align: 'right', value: (l) => money(l.amount) },
    { header: { ru: 'НДС, %', en: 'VAT, %' }, width: 28, align: 'right', value: (l) => new Decimal(l.vatRate).toFixed() },
    { header: { ru: 'НДС', en: 'VAT' }, width: 50, align: 'right', value: (l) => money(l.vat) },
    { header: { ru: 'Сумма с НДС', en: 'Amount incl. VAT' }, width: 58, align: 'right', value: (l) => money(l.total) },
  ];
  const amount = sumOf(lines.map((l) => l.amount)).toFixed(2);
  const vat = sumOf(lines.map((l) => l.vat)).toFixed(2);
  const total = sumOf(lines.map((l) => l.total)).toFixed(2);
  const vatRows = vatByRate(lines).map(({ rate, vat: v }): [string, string] => [say(lang, { ru: `в т. ч. НДС ${rate} %:`, en: `incl. VAT ${rate} %:` }), money(v)]);
  const title = { ru: 'Приходная накладная', en: 'Goods receipt note' };
  return {
    baseName: receipt.number,
    page: {
    title: `${say(lang, title)} ${receipt.number}`,
    lang,
    orientation: 'landscape',
    content: [
      documentTitle(lang, title, receipt.number, receipt.date),
      partiesBlock(
        lang,
        [
          counterpartyParty(supplier!, { ru: 'Поставщик', en: 'Supplier' }),
          companyParty(company, { ru: 'Получатель', en: 'Receiver' }, lang),
          { label: { ru: 'Склад', en: 'Warehouse' }, name: warehouse!.name, address: warehouse!.address },
        ],
        company.logo,
      ),
      linesTable(lang, columns, lines, [null, null, say(lang, { ru: 'Итого', en: 'Total' }), null, null, null, money(amount), null, money(vat), money(total)]),
      // the totals, the sum in words and the signatures stay on one page
      {
        unbreakable: true,
        stack: [
          totalsBlock([[say(lang, { ru: 'Итого без НДС:', en: 'Total excl. VAT:' }), money(amount)], ...vatRows, [say(lang, { ru: 'Всего с НДС:', en: 'Total incl. VAT:' }), money(total)]]),
          amountInWordsBlock(lang, lines.length, total),
          signatures(lang, [{ label: { ru: 'Сдал (поставщик)', en: 'Delivered by (supplier)' } }, { label: { ru: 'Принял (кладовщик)', en: 'Received by (storekeeper)' } }, { label: { ru: 'Главный бухгалтер', en: 'Chief accountant' }, name: company.chiefAccountant, image: company.chiefAccountantSignature }], company.stamp),
        ],
      },
    ],
    },
  };
}

export const goodsReceiptPrintable: PrintableType = {
  documentType: 'goods-receipt',
  permission: 'stockDocument:read',
  forms: [pdfForm({ name: 'receipt-note', label: { ru: 'Приходная накладная (ТОРГ-1)', en: 'Goods receipt note' }, page: receiptNote })],
};
