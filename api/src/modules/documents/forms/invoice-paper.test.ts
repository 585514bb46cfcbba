import type { Counterparty } from '../../crm/counterparty.entity';
import type { CompanyDetails } from '../company-details.inputs';
import { companyParty, counterpartyParty } from '../form-data';
import { invoiceForPayment } from './invoice-paper';
import type { SalesPaperContext } from './sales-paper';

/** Every node of a pdfmake tree that has `key`. */
function nodesWith(content: unknown, key: string): Record<string, unknown>[] {
  if (Array.isArray(content)) return content.flatMap((c) => nodesWith(c, key));
  if (!content || typeof content !== 'object') return [];
  const node = content as Record<string, unknown>;
  return [...(key in node ? [node] : []), ...Object.values(node).flatMap((v) => nodesWith(v, key))];
}

const company = {
  legalName: 'ООО «Торговый дом»', inn: '7712345671', kpp: '771201001', bankName: 'ПАО Сбербанк', bik: '044525225', correspondentAccount: '30101810400000000225', account: '40702810938000000001',
} as CompanyDetails;
const client = { name: 'Ромашка', fullName: 'ООО «Ромашка»', inn: '7707083893', kpp: '773601001' } as Counterparty;

const context = (details: CompanyDetails): SalesPaperContext => ({
  paper: { number: 'IN-2026-000007', date: '2026-03-15', client, lines: [{ lineNo: 1, productId: 'p', quantity: '2', price: '1000', amount: '2000.00', vatRate: '22', vat: '440.00', total: '2440.00' }] },
  company: details,
  products: new Map([['p', { sku: 'DR-1', name: 'Дрель', unit: 'штука', okeiCode: '796', weight: null }]]),
  lang: 'ru',
  seller: companyParty(details, { ru: 'Поставщик', en: 'Supplier' }, 'ru'),
  buyer: counterpartyParty(client, { ru: 'Покупатель', en: 'Buyer' }),
  totals: { amount: '2000.00', vat: '440.00', total: '2440.00', quantity: '2' },
});

describe('the invoice for payment', () => {
  it('carries the ST00012 payment QR code of its payee, purpose and total to pay in kopecks', () => {
    const [qr] = nodesWith(invoiceForPayment(context(company)).page.content, 'qr');
    // 2,440.00 roubles = 244000 kopecks
    expect(qr.qr).toBe(
      'ST00012|Name=ООО «Торговый дом»|PersonalAcc=40702810938000000001|BankName=ПАО Сбербанк|BIC=044525225|CorrespAcc=30101810400000000225|PayeeINN=7712345671|KPP=771201001' +
        '|Purpose=Оплата по счёту № IN-2026-000007 от 15.03.2026, в т. ч. НДС 440,00|Sum=244000',
    );
  });

  it('prints no QR code while the company has no settlement account (a bank would refuse it)', () => {
    expect(nodesWith(invoiceForPayment(context({ ...company, account: null })).page.content, 'qr')).toEqual([]);
  });
});
