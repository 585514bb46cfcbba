import type { Content } from 'pdfmake/interfaces';
import { Decimal, sumOf } from '../../../shared/money';
import { amountInWordsBlock, documentTitle, formatDate, formatMoney, formatQuantity, linesTable, partiesBlock, say, signatures, type Column, type Words } from '../form-layout';
import { amountInWords } from '../amount-in-words';
import type { PrintedPage } from '../print-form';
import { basisLine, salesTotals, vatRateText, type SalesPaperContext, type SalesPaperLine } from './sales-paper';

const t = (sc: SalesPaperContext, ru: string, en: string) => say(sc.lang, { ru, en });

/** The priced goods columns of a waybill: №, SKU, product, unit and its OKEI code, quantity, price, amount, VAT, total. */
function pricedColumns(sc: SalesPaperContext): Column<SalesPaperLine>[] {
  const money = (v: string) => formatMoney(v, sc.lang);
  const product = (l: SalesPaperLine) => sc.products.get(l.productId);
  return [
    { header: { ru: '№', en: 'No.' }, width: 18, align: 'right', value: (l) => String(l.lineNo) },
    { header: { ru: 'Код товара', en: 'Code' }, width: 55, value: (l) => product(l)?.sku ?? '' },
    { header: { ru: 'Товар', en: 'Product' }, width: '*', value: (l) => product(l)?.name ?? '' },
    { header: { ru: 'Ед. изм.', en: 'Unit' }, width: 40, value: (l) => product(l)?.unit ?? '' },
    { header: { ru: 'Код по ОКЕИ', en: 'OKEI' }, width: 32, value: (l) => product(l)?.okeiCode ?? '' },
    { header: { ru: 'Количество', en: 'Quantity' }, width: 50, align: 'right', value: (l) => formatQuantity(l.quantity, sc.lang) },
    { header: { ru: 'Цена без НДС', en: 'Price excl. VAT' }, width: 58, align: 'right', value: (l) => money(l.price) },
    { header: { ru: 'Сумма без НДС', en: 'Amount excl. VAT' }, width: 65, align: 'right', value: (l) => money(l.amount) },
    { header: { ru: 'НДС, ставка', en: 'VAT rate' }, width: 40, align: 'right', value: (l) => vatRateText(l.vatRate, sc.lang) },
    { header: { ru: 'Сумма НДС', en: 'VAT' }, width: 55, align: 'right', value: (l) => money(l.vat) },
    { header: { ru: 'Сумма с НДС', en: 'Amount incl. VAT' }, width: 65, align: 'right', value: (l) => money(l.total) },
  ];
}

/** The totals row of pricedColumns. */
function pricedTotalsRow(sc: SalesPaperContext): (string | null)[] {
  const money = (v: string) => formatMoney(v, sc.lang);
  return [null, null, t(sc, 'Итого', 'Total'), null, null, formatQuantity(sc.totals.quantity, sc.lang), null, money(sc.totals.amount), null, money(sc.totals.vat), money(sc.totals.total)];
}

/** Who the goods go from and to: the company ships, the client receives and pays. */
function shippingParties(sc: SalesPaperContext): Content {
  const warehouse = sc.paper.warehouse;
  return partiesBlock(
    sc.lang,
    [
      { ...sc.seller, label: { ru: 'Грузоотправитель', en: 'Shipper' }, address: warehouse?.address ?? sc.seller.address },
      { ...sc.buyer, label: { ru: 'Грузополучатель', en: 'Consignee' }, bank: null },
      { ...sc.seller, label: { ru: 'Поставщик', en: 'Supplier' } },
      { ...sc.buyer, label: { ru: 'Плательщик', en: 'Payer' } },
    ],
    sc.company.logo,
  );
}

/** ТОРГ-12 (товарная накладная): the parties, the basis, the priced lines, totals, the sum in words and the release and receipt signatures. */
export function goodsWaybill(sc: SalesPaperContext): PrintedPage {
  const { paper, lang, company } = sc;
  const title = { ru: 'Товарная накладная (ТОРГ-12)', en: 'Goods waybill (TORG-12)' };
  return {
    baseName: `${paper.number}-torg-12`,
    page: {
      title: `${say(lang, title)} ${paper.number}`,
      lang,
      orientation: 'landscape',
      content: [
        documentTitle(lang, title, paper.number, paper.date),
        shippingParties(sc),
        ...basisLine(sc),
        linesTable(lang, pricedColumns(sc), paper.lines, pricedTotalsRow(sc)),
        {
          unbreakable: true,
          stack: [
            salesTotals(sc),
            amountInWordsBlock(lang, paper.lines.length, sc.totals.total),
            signatures(
              lang,
              [
                { label: { ru: 'Отпуск груза разрешил', en: 'Release authorised by' }, name: company.director, image: company.directorSignature },
                { label: { ru: 'Главный бухгалтер', en: 'Chief accountant' }, name: company.chiefAccountant, image: company.chiefAccountantSignature },
                { label: { ru: 'Отпуск груза произвёл', en: 'Released by' } },
                { label: { ru: 'Груз принял', en: 'Received by' } },
                { label: { ru: 'Груз получил грузополучатель', en: 'Received by the consignee' } },
              ],
              company.stamp,
            ),
          ],
        },
      ],
    },
  };
}

/**
 * УПД (универсальный передаточный документ): status 1 is an invoice (счёт-фактура) and a
 * transfer document at once, signed by the director and the chief accountant; status 2 is
 * the transfer document only. Seller and buyer with ИНН/КПП, shipper and consignee, the
 * shipping document it belongs to, currency, the priced lines with the tax rate, and who
 * handed over and who received the goods.
 */
export function universalTransferDocument(sc: SalesPaperContext, status: 1 | 2): PrintedPage {
  const { paper, lang, company, seller, buyer } = sc;
  const date = formatDate(paper.date);
  const title: Words = { ru: 'Универсальный передаточный документ', en: 'Universal transfer document' };
  const ids = (inn?: string | null, kpp?: string | null) => [inn, kpp].filter(Boolean).join(' / ');
  const rows: [string, string][] = [
    [t(sc, `Счёт-фактура № ${paper.number} от ${date}`, `Invoice No. ${paper.number} of ${date}`), t(sc, `Статус: ${status}`, `Status: ${status}`)],
    [t(sc, 'Продавец', 'Seller'), seller.name],
    [t(sc, 'Адрес', 'Address'), seller.address ?? ''],
    [t(sc, 'ИНН/КПП продавца', "Seller's INN/KPP"), ids(seller.inn, seller.kpp)],
    [t(sc, 'Грузоотправитель и его адрес', 'Shipper and address'), `${seller.name}, ${paper.warehouse?.address ?? seller.address ?? ''}`],
    [t(sc, 'Грузополучатель и его адрес', 'Consignee and address'), `${buyer.name}, ${buyer.address ?? ''}`],
    [t(sc, 'К платёжно-расчётному документу', 'To payment document'), '—'],
    [t(sc, 'Документ об отгрузке', 'Shipping document'), t(sc, `№ п/п 1–${paper.lines.length} № ${paper.number} от ${date}`, `lines 1–${paper.lines.length} No. ${paper.number} of ${date}`)],
    [t(sc, 'Покупатель', 'Buyer'), buyer.name],
    [t(sc, 'Адрес', 'Address'), buyer.address ?? ''],
    [t(sc, 'ИНН/КПП покупателя', "Buyer's INN/KPP"), ids(buyer.inn, buyer.kpp)],
    [t(sc, 'Валюта: наименование, код', 'Currency: name, code'), t(sc, 'Российский рубль, 643', 'Russian rouble, 643')],
  ];
  const head: Content = { table: { widths: [170, '*'], body: rows.map(([label, value]) => [{ text: label, bold: true }, { text: value }]) }, layout: 'noBorders', margin: [0, 0, 0, 6] };
  const signers = [
    ...(status === 1
      ? [
          { label: { ru: 'Руководитель организации', en: 'Director' }, name: company.director, image: company.directorSignature },
          { label: { ru: 'Главный бухгалтер', en: 'Chief accountant' }, name: company.chiefAccountant, image: company.chiefAccountantSignature },
        ]
      : []),
    { label: { ru: 'Товар (груз) передал', en: 'Goods handed over by' } },
    { label: { ru: 'Товар (груз) получил', en: 'Goods received by' } },
  ];
  return {
    baseName: `${paper.number}-upd-${status}`,
    page: {
      title: `${say(lang, title)} ${paper.number}`,
      lang,
      orientation: 'landscape',
      content: [
        { text: say(lang, title), style: 'title' },
        head,
        ...basisLine(sc),
        linesTable(lang, pricedColumns(sc), paper.lines, [null, null, t(sc, 'Всего к оплате', 'Total to pay'), ...pricedTotalsRow(sc).slice(3)]),
        { unbreakable: true, stack: [amountInWordsBlock(lang, paper.lines.length, sc.totals.total), signatures(lang, signers, company.stamp)] },
      ],
    },
  };
}

/** A packing list: what goes in the consignment, with quantities and weights (no prices). */
export function packingList(sc: SalesPaperContext): PrintedPage {
  const { paper, lang } = sc;
  const title = { ru: 'Упаковочный лист', en: 'Packing list' };
  const weightOf = (l: SalesPaperLine) => {
    const unit = sc.products.get(l.productId)?.weight;
    return unit == null ? null : new Decimal(unit).times(l.quantity);
  };
  const kg = (value: Decimal | null) => (value === null ? '—' : formatQuantity(value.toDecimalPlaces(3).toFixed(), lang));
  const columns: Column<SalesPaperLine>[] = [
    { header: { ru: '№', en: 'No.' }, width: 18, align: 'right', value: (l) => String(l.lineNo) },
    { header: { ru: 'Артикул', en: 'SKU' }, width: 70, value: (l) => sc.products.get(l.productId)?.sku ?? '' },
    { header: { ru: 'Товар', en: 'Product' }, width: '*', value: (l) => sc.products.get(l.productId)?.name ?? '' },
    { header: { ru: 'Ед.', en: 'Unit' }, width: 45, value: (l) => sc.products.get(l.productId)?.unit ?? '' },
    { header: { ru: 'Количество', en: 'Quantity' }, width: 55, align: 'right', value: (l) => formatQuantity(l.quantity, lang) },
    { header: { ru: 'Вес ед., кг', en: 'Unit weight, kg' }, width: 55, align: 'right', value: (l) => kg(sc.products.get(l.productId)?.weight == null ? null : new Decimal(sc.products.get(l.productId)!.weight!)) },
    { header: { ru: 'Вес, кг', en: 'Weight, kg' }, width: 55, align: 'right', value: (l) => kg(weightOf(l)) },
  ];
  const weights = paper.lines.map(weightOf);
  const total = weights.every((w) => w !== null) ? sumOf(weights as Decimal[]) : null;
  return {
    baseName: `${paper.number}-packing-list`,
    page: {
      title: `${say(lang, title)} ${paper.number}`,
      lang,
      content: [
        documentTitle(lang, title, paper.number, paper.date),
        partiesBlock(lang, [{ ...sc.seller, label: { ru: 'Грузоотправитель', en: 'Shipper' }, bank: null, address: paper.warehouse?.address ?? sc.seller.address }, { ...sc.buyer, label: { ru: 'Грузополучатель', en: 'Consignee' }, bank: null }]),
        ...basisLine(sc),
        linesTable(lang, columns, paper.lines, [null, null, t(sc, 'Итого', 'Total'), null, formatQuantity(sc.totals.quantity, lang), null, kg(total)]),
        { unbreakable: true, stack: [{ text: t(sc, `Всего мест (наименований): ${paper.lines.length}`, `Total items: ${paper.lines.length}`), margin: [0, 0, 0, 10] }, signatures(lang, [{ label: { ru: 'Упаковал', en: 'Packed by' } }, { label: { ru: 'Проверил', en: 'Checked by' } }])] },
      ],
    },
  };
}

/** Возвратная накладная: the client hands goods back to the company, each line with its price, VAT, reason and condition. */
export function returnNote(sc: SalesPaperContext): PrintedPage {
  const { paper, lang, company } = sc;
  const title = { ru: 'Возвратная накладная', en: 'Return note' };
  const columns = [...pricedColumns(sc), { header: { ru: 'Причина, состояние', en: 'Reason, condition' }, width: 80, value: (l: SalesPaperLine) => l.note ?? '' }];
  return {
    baseName: paper.number,
    page: {
      title: `${say(lang, title)} ${paper.number}`,
      lang,
      orientation: 'landscape',
      content: [
        documentTitle(lang, title, paper.number, paper.date),
        partiesBlock(lang, [{ ...sc.buyer, label: { ru: 'Сдатчик (покупатель)', en: 'Returned by (buyer)' } }, { ...sc.seller, label: { ru: 'Получатель (поставщик)', en: 'Received by (supplier)' } }, ...(paper.warehouse ? [{ label: { ru: 'Склад', en: 'Warehouse' }, name: paper.warehouse.name, address: paper.warehouse.address }] : [])], company.logo),
        ...basisLine(sc),
        linesTable(lang, columns, paper.lines, [...pricedTotalsRow(sc), null]),
        { unbreakable: true, stack: [salesTotals(sc), amountInWordsBlock(lang, paper.lines.length, sc.totals.total), signatures(lang, [{ label: { ru: 'Сдал', en: 'Handed over by' } }, { label: { ru: 'Принял', en: 'Received by' } }], company.stamp)] },
      ],
    },
  };
}

/** Акт выполненных работ (оказанных услуг): the services, their prices and VAT, the total in words, and both parties' signatures under «no claims». */
export function servicesAct(sc: SalesPaperContext): PrintedPage {
  const { paper, lang, company } = sc;
  const money = (v: string) => formatMoney(v, lang);
  const title = { ru: 'Акт выполненных работ (оказанных услуг)', en: 'Act of services rendered' };
  const columns: Column<SalesPaperLine>[] = [
    { header: { ru: '№', en: 'No.' }, width: 18, align: 'right', value: (l) => String(l.lineNo) },
    { header: { ru: 'Наименование работ, услуг', en: 'Work, services' }, width: '*', value: (l) => sc.products.get(l.productId)?.name ?? '' },
    { header: { ru: 'Кол-во', en: 'Qty' }, width: 45, align: 'right', value: (l) => formatQuantity(l.quantity, lang) },
    { header: { ru: 'Ед.', en: 'Unit' }, width: 40, value: (l) => sc.products.get(l.productId)?.unit ?? '' },
    { header: { ru: 'Цена без НДС', en: 'Price excl. VAT' }, width: 60, align: 'right', value: (l) => money(l.price) },
    { header: { ru: 'НДС', en: 'VAT' }, width: 40, align: 'right', value: (l) => vatRateText(l.vatRate, lang) },
    { header: { ru: 'Сумма без НДС', en: 'Amount excl. VAT' }, width: 65, align: 'right', value: (l) => money(l.amount) },
  ];
  const count = t(sc, `Всего оказано услуг ${paper.lines.length}, на сумму ${money(sc.totals.total)} руб.`, `Services rendered: ${paper.lines.length}, amounting to RUB ${money(sc.totals.total)}`);
  return {
    baseName: paper.number,
    page: {
      title: `${say(lang, title)} ${paper.number}`,
      lang,
      content: [
        documentTitle(lang, title, paper.number, paper.date),
        partiesBlock(lang, [{ ...sc.seller, label: { ru: 'Исполнитель', en: 'Contractor' } }, { ...sc.buyer, label: { ru: 'Заказчик', en: 'Customer' } }], company.logo),
        ...basisLine(sc),
        linesTable(lang, columns, paper.lines),
        {
          unbreakable: true,
          stack: [
            salesTotals(sc),
            { text: count },
            { text: amountInWords(sc.totals.total, lang), bold: true, margin: [0, 0, 0, 6] },
            { text: t(sc, 'Вышеперечисленные услуги выполнены полностью и в срок. Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет.', 'The services above were rendered in full and on time. The customer has no claims as to their scope, quality or timing.'), margin: [0, 0, 0, 8] },
            signatures(lang, [{ label: { ru: 'Исполнитель', en: 'Contractor' }, name: company.director, image: company.directorSignature }, { label: { ru: 'Заказчик', en: 'Customer' } }], company.stamp),
          ],
        },
      ],
    },
  };
}
