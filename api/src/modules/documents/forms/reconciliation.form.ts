import type { Context } from '../../../server/context';
import { Decimal } from '../../../shared/money';
import { companyParty, counterpartyParty } from '../form-data';
import { formatDate, formatMoney, linesTable, partiesBlock, say, signatures, type Column, type Words } from '../form-layout';
import { pdfForm, type PrintableType, type PrintedPage, type PrintRequest } from '../print-form';
import type { SettlementViewService } from '../../sales/settlement-views.service';

/** How a statement names the documents of its lines. */
const DOCUMENTS: Record<string, Words> = {
  Shipment: { ru: 'Реализация (отгрузка)', en: 'Shipment' },
  ServiceAct: { ru: 'Акт выполненных работ', en: 'Service act' },
  CustomerReturn: { ru: 'Возврат от покупателя', en: 'Customer return' },
  IncomingPayment: { ru: 'Оплата', en: 'Payment' },
  GoodsReceipt: { ru: 'Поступление товаров', en: 'Goods receipt' },
  LandedCost: { ru: 'Дополнительные расходы', en: 'Landed cost' },
  OutgoingPayment: { ru: 'Оплата поставщику', en: 'Payment to supplier' },
};

interface Row {
  date: string | null;
  text: string;
  debit: string | null;
  credit: string | null;
  bold?: boolean;
}

/**
 * Акт сверки взаимных расчётов: for a client or a supplier and a period, by the company's
 * books, the opening balance, every document with its debit (what made the client owe,
 * what we paid the supplier) or credit (what settled the client's debt, what the
 * supplier delivered), the turnover, the closing balance, and in words whom the balance
 * favours; both parties sign. Null when the counterparty is missing or out of the caller's scope.
 */
async function reconciliationStatement(ctx: Context, { id, lang, period }: Omit<PrintRequest, 'format'>, views: SettlementViewService): Promise<PrintedPage | null> {
  if (!period) return null;
  const statement = await views.reconciliation(ctx, id, period.from, period.to);
  if (!statement) return null;
  const company = await ctx.services.companyDetails.get(ctx);
  const money = (value: string | null) => (value === null ? '' : formatMoney(value, lang));
  const ours = company.legalName ?? '';
  const theirs = statement.client.fullName ?? statement.client.name;
  const side = (value: string) => (new Decimal(value).isNegative() ? { debit: null, credit: new Decimal(value).neg().toFixed(2) } : { debit: new Decimal(value).toFixed(2), credit: null });
  const rows: Row[] = [
    { date: null, text: say(lang, { ru: `Сальдо на ${formatDate(statement.from)}`, en: `Balance at ${formatDate(statement.from)}` }), ...side(statement.opening), bold: true },
    ...statement.lines.map((line) => ({
      date: line.date,
      text: `${say(lang, DOCUMENTS[line.documentType] ?? { ru: line.documentType, en: line.documentType })} № ${line.number}`,
      debit: new Decimal(line.debit).isZero() ? null : new Decimal(line.debit).toFixed(2),
      credit: new Decimal(line.credit).isZero() ? null : new Decimal(line.credit).toFixed(2),
    })),
    { date: null, text: say(lang, { ru: 'Обороты за период', en: 'Turnover for the period' }), debit: new Decimal(statement.debit).toFixed(2), credit: new Decimal(statement.credit).toFixed(2), bold: true },
    { date: null, text: say(lang, { ru: `Сальдо на ${formatDate(statement.to)}`, en: `Balance at ${formatDate(statement.to)}` }), ...side(statement.closing), bold: true },
  ];
  const columns: Column<Row>[] = [
    { header: { ru: 'Дата', en: 'Date' }, width: 60, value: (r) => (r.date ? formatDate(r.date) : '') },
    { header: { ru: 'Документ', en: 'Document' }, width: '*', value: (r) => r.text },
    { header: { ru: 'Дебет', en: 'Debit' }, width: 80, align: 'right', value: (r) => money(r.debit) },
    { header: { ru: 'Кредит', en: 'Credit' }, width: 80, align: 'right', value: (r) => money(r.credit) },
  ];
  const closing = new Decimal(statement.closing);
  const at = formatDate(statement.to);
  const verdict: Words = closing.isZero()
    ? { ru: `По данным ${ours} на ${at} задолженность отсутствует.`, en: `According to ${ours}, as at ${at} nothing is owed.` }
    : closing.isPositive()
      ? { ru: `По данным ${ours} на ${at} задолженность в пользу ${ours} составляет ${money(closing.toFixed(2))} руб.`, en: `According to ${ours}, as at ${at} the balance in favour of ${ours} is RUB ${money(closing.toFixed(2))}.` }
      : { ru: `По данным ${ours} на ${at} задолженность в пользу ${theirs} составляет ${money(closing.neg().toFixed(2))} руб.`, en: `According to ${ours}, as at ${at} the balance in favour of ${theirs} is RUB ${money(closing.neg().toFixed(2))}.` };
  const title: Words = {
    ru: `Акт сверки взаимных расчётов за период с ${formatDate(statement.from)} по ${at}`,
    en: `Reconciliation statement for ${formatDate(statement.from)} to ${at}`,
  };
  return {
    baseName: `reconciliation-${statement.from}-${statement.to}`,
    page: {
      title: say(lang, title),
      lang,
      content: [
        { text: say(lang, title), style: 'title' },
        { text: say(lang, { ru: `между ${ours} и ${theirs}`, en: `between ${ours} and ${theirs}` }), alignment: 'center', margin: [0, 0, 0, 8] },
        partiesBlock(lang, [companyParty(company, { ru: 'Организация', en: 'Company' }, lang), counterpartyParty(statement.client, { ru: 'Контрагент', en: 'Counterparty' })], company.logo),
        linesTable(lang, columns, rows.map((r) => r)),
        {
          unbreakable: true,
          stack: [
            { text: say(lang, verdict), bold: true, margin: [0, 0, 0, 10] },
            signatures(lang, [{ label: { ru: `От ${ours}`, en: `For ${ours}` }, name: company.chiefAccountant ?? company.director, image: company.chiefAccountantSignature }, { label: { ru: `От ${theirs}`, en: `For ${theirs}` } }], company.stamp),
          ],
        },
      ],
    },
  };
}

const LABEL: Words = { ru: 'Акт сверки', en: 'Reconciliation statement' };

/** A client prints its reconciliation statement for a period: /print/client/<id>.pdf?form=reconciliation&from=…&to=… */
export const clientPrintable: PrintableType = {
  documentType: 'client',
  permission: 'settlement:read',
  forms: [pdfForm({ name: 'reconciliation', label: LABEL, page: (ctx, request) => reconciliationStatement(ctx, request, ctx.services.settlementViews), period: true })],
};

/** A supplier's, the same statement over the supplier settlements: /print/supplier/<id>.pdf?form=reconciliation&from=…&to=… */
export const supplierPrintable: PrintableType = {
  documentType: 'supplier',
  permission: 'supplierSettlement:read',
  forms: [pdfForm({ name: 'reconciliation', label: LABEL, page: (ctx, request) => reconciliationStatement(ctx, request, ctx.services.supplierSettlementViews), period: true })],
};

