import type { Content } from 'pdfmake/interfaces';
import type { Context } from '../../../server/context';
import { Decimal, sumOf } from '../../../shared/money';
import type { Counterparty } from '../../crm/counterparty.entity';
import type { PrintLanguage } from '../amount-in-words';
import type { CompanyDetails } from '../company-details.inputs';
import { companyParty, counterpartyParty, productsOf, type PrintedProduct } from '../form-data';
import { formatDate, formatMoney, say, totalsBlock, vatByRate, type Party, type Words } from '../form-layout';

/** One line of a sales document as its forms print it. */
export interface SalesPaperLine {
  lineNo: number;
  productId: string;
  quantity: string;
  /** The unit price without VAT. */
  price: string;
  /** Without VAT, rounded to the kopeck. */
  amount: string;
  vatRate: string;
  vat: string;
  /** With VAT. */
  total: string;
  /** A return's line: why and in what condition it came back. */
  note?: string | null;
}

/** A sales document (shipment, service act, invoice, return) as every sales form reads it. */
export interface SalesPaper {
  number: string;
  date: string;
  client: Counterparty;
  /** What it rests on: «Заказ OR-2026-000001 от 01.12.2026». */
  basis?: Words | null;
  /** Where the goods leave from (a shipment) or come into (a return). */
  warehouse?: { name: string; address?: string | null } | null;
  lines: SalesPaperLine[];
}

/** What a form needs besides the document: the company, the printed products and the totals. */
export interface SalesPaperContext {
  paper: SalesPaper;
  company: CompanyDetails;
  products: Map<string, PrintedProduct>;
  lang: PrintLanguage;
  seller: Party;
  buyer: Party;
  totals: { amount: string; vat: string; total: string; quantity: string };
}

/** The company, the products and the totals of a paper, in two batched reads whatever its size. */
export async function salesPaperContext(ctx: Context, paper: SalesPaper, lang: PrintLanguage, labels: { seller: Words; buyer: Words }): Promise<SalesPaperContext> {
  const company = await ctx.services.companyDetails.get(ctx);
  const products = await productsOf(ctx, paper.lines.map((l) => l.productId), lang);
  return {
    paper,
    company,
    products,
    lang,
    seller: companyParty(company, labels.seller, lang),
    buyer: counterpartyParty(paper.client, labels.buyer),
    totals: {
      amount: sumOf(paper.lines.map((l) => l.amount)).toFixed(2),
      vat: sumOf(paper.lines.map((l) => l.vat)).toFixed(2),
      total: sumOf(paper.lines.map((l) => l.total)).toFixed(2),
      quantity: sumOf(paper.lines.map((l) => l.quantity)).toFixed(),
    },
  };
}

/** «Основание: Заказ OR-2026-000001 от 01.12.2026», or nothing. */
export function basisLine(sc: SalesPaperContext): Content[] {
  const basis = sc.paper.basis;
  return basis ? [{ text: `${say(sc.lang, { ru: 'Основание', en: 'Basis' })}: ${say(sc.lang, basis)}`, margin: [0, 0, 0, 6] }] : [];
}

/** «Заказ OR-2026-000001 от 01.12.2026» / «Order OR-2026-000001 of 01.12.2026». */
export const documentReference = (name: Words, number: string, date: string): Words => ({ ru: `${name.ru} ${number} от ${formatDate(date)}`, en: `${name.en} ${number} of ${formatDate(date)}` });

/** Without VAT, VAT per rate, with VAT: the rows under a priced form's table. */
export function salesTotals(sc: SalesPaperContext): Content {
  const money = (v: string) => formatMoney(v, sc.lang);
  const vatRows = vatByRate(sc.paper.lines).map(({ rate, vat }): [string, string] =>
    new Decimal(rate).isZero() ? [say(sc.lang, { ru: 'Без НДС (0 %):', en: 'VAT 0 %:' }), money(vat)] : [say(sc.lang, { ru: `в т. ч. НДС ${rate} %:`, en: `incl. VAT ${rate} %:` }), money(vat)],
  );
  return totalsBlock([[say(sc.lang, { ru: 'Итого без НДС:', en: 'Total excl. VAT:' }), money(sc.totals.amount)], ...vatRows, [say(sc.lang, { ru: 'Всего с НДС:', en: 'Total incl. VAT:' }), money(sc.totals.total)]]);
}

/** A VAT rate as forms print it: «22 %», or «без НДС» for 0. */
export const vatRateText = (rate: string, lang: PrintLanguage) => (new Decimal(rate).isZero() ? say(lang, { ru: 'без НДС', en: 'no VAT' }) : `${new Decimal(rate).toFixed()} %`);
