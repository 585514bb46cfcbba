import type { Content } from 'pdfmake/interfaces';
import type { Context } from '../../../server/context';
import { Decimal, sumOf } from '../../../shared/money';
import type { DocumentEntity } from '../../ledger/document.entity';
import { StockMovement } from '../../inventory/stock.entity';
import { StockTransferLine } from '../../inventory/stock-transfer.entity';
import { Warehouse } from '../../inventory/warehouse.entity';
import { WriteOffLine, WriteOffReason } from '../../inventory/write-off.entity';
import type { PrintLanguage } from '../amount-in-words';
import { companyParty, productsOf, type PrintedProduct } from '../form-data';
import { amountInWordsBlock, documentTitle, formatMoney, formatQuantity, linesTable, partiesBlock, say, signatures, type Column, type Party, type Signature, type Words } from '../form-layout';
import { pdfForm, type PrintableType, type PrintedPage, type PrintRequest } from '../print-form';

interface Line {
  lineNo: number;
  quantity: string;
  printed?: PrintedProduct;
  /** The FIFO cost it went out at: a posted document, for those with cost:read. */
  cost?: string;
}

interface OutgoingForm {
  doc: DocumentEntity;
  lines: readonly { lineNo: number; product: { id: string }; quantity: string }[];
  title: Words;
  parties: (company: Party) => Party[];
  extra?: Content[];
  signatures: Signature[];
}

/** What each line cost when it went out (Σ of its outgoing movements), or null when the caller may not see cost or nothing was posted. */
async function outgoingCosts(ctx: Context, doc: DocumentEntity): Promise<Map<number, string> | null> {
  if (!ctx.user?.permissions.has('cost:read')) return null;
  const movements = await ctx.loaders.byForeignKey(StockMovement, 'recorderId').load(doc.id);
  const out = movements.filter((m) => new Decimal(m.quantity).isNegative());
  if (!out.length) return null;
  const lineNos = [...new Set(out.map((m) => m.recorderLine))];
  return new Map(lineNos.map((n) => [n, sumOf(out.filter((m) => m.recorderLine === n).map((m) => m.cost)).neg().toFixed(2)]));
}

/** ТОРГ-13 and ТОРГ-16 alike: parties, the lines with quantities (and cost when it may be shown), totals, signatures. */
async function outgoingGoods(ctx: Context, lang: PrintLanguage, form: OutgoingForm): Promise<PrintedPage> {
  const [company, costs, products] = await Promise.all([ctx.services.companyDetails.get(ctx), outgoingCosts(ctx, form.doc), productsOf(ctx, form.lines.map((l) => l.product.id), lang)]);
  const lines: Line[] = form.lines.map((l) => ({ lineNo: l.lineNo, quantity: l.quantity, printed: products.get(l.product.id), cost: costs?.get(l.lineNo) ?? (costs ? '0.00' : undefined) }));
  const columns: Column<Line>[] = [
    { header: { ru: '№', en: 'No.' }, width: 18, align: 'right', value: (l) => String(l.lineNo) },
    { header: { ru: 'Артикул', en: 'SKU' }, width: 60, value: (l) => l.printed?.sku ?? '' },
    { header: { ru: 'Товар', en: 'Product' }, width: '*', value: (l) => l.printed?.name ?? '' },
    { header: { ru: 'Ед.', en: 'Unit' }, width: 45, value: (l) => l.printed?.unit ?? '' },
    { header: { ru: 'Код ОКЕИ', en: 'OKEI' }, width: 30, value: (l) => l.printed?.okeiCode ?? '' },
    { header: { ru: 'Количество', en: 'Quantity' }, width: 55, align: 'right', value: (l) => formatQuantity(l.quantity, lang) },
  ];
  if (costs) {
    columns.push(
      { header: { ru: 'Цена по себестоимости', en: 'Unit cost' }, width: 70, align: 'right', value: (l) => formatMoney(new Decimal(l.cost!).div(l.quantity), lang) },
      { header: { ru: 'Сумма по себестоимости', en: 'Cost' }, width: 75, align: 'right', value: (l) => formatMoney(l.cost!, lang) },
    );
  }
  const quantity = sumOf(lines.map((l) => l.quantity)).toFixed();
  const total = costs ? sumOf(lines.map((l) => l.cost!)).toFixed(2) : null;
  const totals = [null, null, say(lang, { ru: 'Итого', en: 'Total' }), null, null, formatQuantity(quantity, lang), ...(total ? [null, formatMoney(total, lang)] : [])];
  const count: Content = lang === 'ru' ? { text: `Всего наименований ${lines.length}`, margin: [0, 0, 0, 10] } : { text: `Total items ${lines.length}`, margin: [0, 0, 0, 10] };
  return {
    baseName: form.doc.number,
    page: {
    title: `${say(lang, form.title)} ${form.doc.number}`,
    lang,
    content: [
      documentTitle(lang, form.title, form.doc.number, form.doc.date),
      partiesBlock(lang, form.parties(companyParty(company, { ru: 'Организация', en: 'Company' }, lang)), company.logo),
      ...(form.extra ?? []),
      linesTable(lang, columns, lines, totals),
      // the count, the sum in words and the signatures stay on one page
      { unbreakable: true, stack: [total ? amountInWordsBlock(lang, lines.length, total) : count, signatures(lang, [...form.signatures, { label: { ru: 'Руководитель', en: 'Director' }, name: company.director, image: company.directorSignature }], company.stamp)] },
    ],
    },
  };
}

/** A transfer as ТОРГ-13 (накладная на внутреннее перемещение). */
async function transferNote(ctx: Context, { id, lang }: Omit<PrintRequest, 'format'>): Promise<PrintedPage | null> {
  const doc = await ctx.services.stockTransfers.get(ctx, id);
  if (!doc) return null;
  const [from, to, lines] = await Promise.all([
    ctx.loaders.byId(Warehouse).load(doc.fromWarehouse.id),
    ctx.loaders.byId(Warehouse).load(doc.toWarehouse.id),
    ctx.loaders.byForeignKey(StockTransferLine, 'stockTransfer', { lineNo: 'asc' }).load(doc.id),
  ]);
  return outgoingGoods(ctx, lang, {
    doc,
    lines,
    title: { ru: 'Накладная на внутреннее перемещение товаров (ТОРГ-13)', en: 'Internal transfer note (TORG-13)' },
    parties: (company) => [company, { label: { ru: 'Отправитель', en: 'From' }, name: from!.name, address: from!.address }, { label: { ru: 'Получатель', en: 'To' }, name: to!.name, address: to!.address }],
    signatures: [{ label: { ru: 'Отпустил', en: 'Released by' } }, { label: { ru: 'Получил', en: 'Received by' } }],
  });
}

const REASONS: Record<WriteOffReason, Words> = {
  [WriteOffReason.DAMAGE]: { ru: 'порча, бой', en: 'damage' },
  [WriteOffReason.SHORTAGE]: { ru: 'недостача', en: 'shortage' },
  [WriteOffReason.EXPIRY]: { ru: 'истёк срок годности', en: 'expiry' },
  [WriteOffReason.OWN_USE]: { ru: 'собственные нужды', en: 'own use' },
  [WriteOffReason.OTHER]: { ru: 'прочее', en: 'other' },
};

/** A write-off as an act in the manner of ТОРГ-16 (акт о списании товаров). */
async function writeOffAct(ctx: Context, { id, lang }: Omit<PrintRequest, 'format'>): Promise<PrintedPage | null> {
  const doc = await ctx.services.writeOffs.get(ctx, id);
  if (!doc) return null;
  const [warehouse, lines] = await Promise.all([ctx.loaders.byId(Warehouse).load(doc.warehouse.id), ctx.loaders.byForeignKey(WriteOffLine, 'writeOff', { lineNo: 'asc' }).load(doc.id)]);
  const reason = `${say(lang, { ru: 'Причина списания', en: 'Reason' })}: ${say(lang, REASONS[doc.reason])}${doc.comment ? ` — ${doc.comment}` : ''}`;
  return outgoingGoods(ctx, lang, {
    doc,
    lines,
    title: { ru: 'Акт о списании товаров (ТОРГ-16)', en: 'Goods write-off act (TORG-16)' },
    parties: (company) => [company, { label: { ru: 'Склад', en: 'Warehouse' }, name: warehouse!.name, address: warehouse!.address }],
    extra: [{ text: reason, margin: [0, 0, 0, 6] }],
    signatures: [{ label: { ru: 'Председатель комиссии', en: 'Chair of the commission' } }, { label: { ru: 'Члены комиссии', en: 'Members of the commission' } }, { label: { ru: 'Материально ответственное лицо', en: 'Person accountable' } }],
  });
}

export const stockTransferPrintable: PrintableType = {
  documentType: 'stock-transfer',
  permission: 'stockDocument:read',
  forms: [pdfForm({ name: 'torg-13', label: { ru: 'ТОРГ-13', en: 'Transfer note (TORG-13)' }, page: transferNote })],
};

export const writeOffPrintable: PrintableType = {
  documentType: 'write-off',
  permission: 'stockDocument:read',
  forms: [pdfForm({ name: 'torg-16', label: { ru: 'ТОРГ-16', en: 'Write-off act (TORG-16)' }, page: writeOffAct })],
};
