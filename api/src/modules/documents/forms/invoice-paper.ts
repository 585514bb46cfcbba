import type { Content, TableCell } from 'pdfmake/interfaces';
import { amountInWordsBlock, documentTitle, formatMoney, formatQuantity, linesTable, partiesBlock, say, signatures, type Column } from '../form-layout';
import { paymentQrText } from '../payment-qr';
import type { PrintedPage } from '../print-form';
import { basisLine, salesTotals, vatRateText, type SalesPaperContext, type SalesPaperLine } from './sales-paper';

/**
 * The payee's bank block at the head of an invoice for payment, as Russian invoices print it:
 * the bank and its БИК and correspondent account, the payee's ИНН/КПП and settlement
 * account; beside it the ST00012 payment QR code a bank app scans (left out while a
 * detail it needs is missing).
 */
function bankBlock(sc: SalesPaperContext, purpose: string): Content {
  const { company, lang } = sc;
  const t = (ru: string, en: string) => say(lang, { ru, en });
  const cell = (text: string | null | undefined, extra: Record<string, unknown> = {}): TableCell => ({ text: text ?? '', ...extra });
  const table: Content = {
    table: {
      widths: ['*', 40, 130],
      body: [
        [cell(company.bankName, { rowSpan: 2 }), cell(t('БИК', 'BIC')), cell(company.bik)],
        [cell(''), cell(t('Сч. №', 'Acc.')), cell(company.correspondentAccount)],
        [cell(`${t('Банк получателя', "Payee's bank")}`, { fontSize: 7, colSpan: 1 }), cell(''), cell('')],
        [cell(`${t('ИНН', 'INN')} ${company.inn ?? ''}   ${t('КПП', 'KPP')} ${company.kpp ?? ''}`), cell(t('Сч. №', 'Acc.'), { rowSpan: 2 }), cell(company.account, { rowSpan: 2 })],
        [cell(`${company.legalName ?? ''}\n${t('Получатель', 'Payee')}`), cell(''), cell('')],
      ],
    },
    width: '*',
  };
  const qr = paymentQrText({
    name: company.legalName ?? '',
    personalAcc: company.account ?? '',
    bankName: company.bankName ?? '',
    bic: company.bik ?? '',
    correspAcc: company.correspondentAccount,
    payeeInn: company.inn,
    kpp: company.kpp,
    purpose,
    sum: sc.totals.total,
  });
  return { columns: [table, qr ? { qr, fit: 110, eccLevel: 'M', width: 120, margin: [10, 0, 0, 0] } : { text: '', width: 120 }], margin: [0, 0, 0, 8] };
}

/**
 * Счёт на оплату (invoice for payment): the payee's bank details with the payment QR code,
 * the number and date, supplier and buyer, the basis, the lines with prices without VAT,
 * VAT per rate, the total to pay, the sum in words and the director's and accountant's
 * signatures.
 */
export function invoiceForPayment(sc: SalesPaperContext): PrintedPage {
  const { paper, lang, company } = sc;
  const money = (v: string) => formatMoney(v, lang);
  const title = { ru: 'Счёт на оплату', en: 'Invoice for payment' };
  const vatText = sc.paper.lines.some((l) => Number(l.vat) !== 0) ? say(lang, { ru: `в т. ч. НДС ${money(sc.totals.vat)}`, en: `incl. VAT ${money(sc.totals.vat)}` }) : say(lang, { ru: 'без НДС', en: 'no VAT' });
  const purpose = lang === 'ru' ? `Оплата по счёту № ${paper.number} от ${paper.date.split('-').reverse().join('.')}, ${vatText}` : `Payment of invoice No. ${paper.number} of ${paper.date.split('-').reverse().join('.')}, ${vatText}`;
  const columns: Column<SalesPaperLine>[] = [
    { header: { ru: '№', en: 'No.' }, width: 18, align: 'right', value: (l) => String(l.lineNo) },
    { header: { ru: 'Товары (работы, услуги)', en: 'Goods (work, services)' }, width: '*', value: (l) => sc.products.get(l.productId)?.name ?? '' },
    { header: { ru: 'Кол-во', en: 'Qty' }, width: 45, align: 'right', value: (l) => formatQuantity(l.quantity, lang) },
    { header: { ru: 'Ед.', en: 'Unit' }, width: 40, value: (l) => sc.products.get(l.productId)?.unit ?? '' },
    { header: { ru: 'Цена без НДС', en: 'Price excl. VAT' }, width: 60, align: 'right', value: (l) => money(l.price) },
    { header: { ru: 'НДС', en: 'VAT' }, width: 40, align: 'right', value: (l) => vatRateText(l.vatRate, lang) },
    { header: { ru: 'Сумма без НДС', en: 'Amount excl. VAT' }, width: 65, align: 'right', value: (l) => money(l.amount) },
  ];
  return {
    baseName: paper.number,
    page: {
      title: `${say(lang, title)} ${paper.number}`,
      lang,
      content: [
        bankBlock(sc, purpose),
        documentTitle(lang, title, paper.number, paper.date),
        partiesBlock(lang, [{ ...sc.seller, label: { ru: 'Поставщик', en: 'Supplier' } }, { ...sc.buyer, label: { ru: 'Покупатель', en: 'Buyer' } }], company.logo),
        ...basisLine(sc),
        linesTable(lang, columns, paper.lines),
        {
          unbreakable: true,
          stack: [
            salesTotals(sc),
            { text: say(lang, { ru: `Всего к оплате: ${money(sc.totals.total)} руб.`, en: `Total to pay: RUB ${money(sc.totals.total)}` }), bold: true, alignment: 'right', margin: [0, 0, 0, 6] },
            amountInWordsBlock(lang, paper.lines.length, sc.totals.total),
            { text: say(lang, { ru: 'Оплата данного счёта означает согласие с условиями поставки товара.', en: 'Paying this invoice means accepting the terms of delivery.' }), style: 'small', margin: [0, 0, 0, 6] },
            signatures(lang, [{ label: { ru: 'Руководитель', en: 'Director' }, name: company.director, image: company.directorSignature }, { label: { ru: 'Бухгалтер', en: 'Accountant' }, name: company.chiefAccountant, image: company.chiefAccountantSignature }], company.stamp),
          ],
        },
      ],
    },
  };
}
