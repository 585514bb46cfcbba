import { writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import { demoEmail, Role } from '../support/harness';
import { fetchPrint, pdfPages } from '../support/pdf-text';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

// Printed forms of sales documents, read back as the text of the PDF; every figure is worked out by hand.
describe('printed sales forms', () => {
  let world: SalesWorld;
  let token: string;
  let client: string;
  const products: Record<string, string> = {};

  const print = async (path: string, as = token) => {
    const res = await fetchPrint(`${world.app.url}${path}`, as);
    expect([res.status, res.type]).toEqual([200, 'application/pdf']);
    // PRINT_DUMP_DIR=/tmp/forms keeps the files, to look at them (pdftoppm -png -r 60)
    if (process.env.PRINT_DUMP_DIR) writeFileSync(nodePath.join(process.env.PRINT_DUMP_DIR, `${path.split('/')[2]}-${path.split('?')[0].split('/')[3].slice(0, 8)}-${new URLSearchParams(path.split('?')[1] ?? '').get('form') ?? ''}.pdf`), Buffer.from(res.body));
    return pdfPages(res.body);
  };

  beforeAll(async () => {
    world = await startSalesWorld();
    const { admin, manager } = world;
    token = (await world.app.login(demoEmail(Role.SALES_MANAGER))).token;
    await admin.UpdateCompanyDetails({
      input: { version: 1, legalName: 'ООО «Торговый дом»', inn: '7712345671', kpp: '771201001', address: 'г. Москва, ул. Тверская, 1', bankName: 'ПАО Сбербанк', bik: '044525225', correspondentAccount: '30101810400000000225', account: '40702810938000000001', director: 'Иванов И. И.', chiefAccountant: 'Петрова А. С.' },
    });
    const managerId = (await manager.Me()).me.id;
    client = (await admin.CreateCounterparty({ input: { name: 'Ромашка', fullName: 'ООО «Ромашка»', inn: '7707083893', kpp: '773601001', legalAddress: 'г. Москва, ул. Вавилова, 19', ownerId: managerId, priceTypeId: world.wholesale } })).createCounterparty.id;
    products['DR-1'] = await world.product('DR-1', '1220.00', '1000.00', { vatRate: '22' });
    products['BK-1'] = await world.product('BK-1', '333.33', '333.33', { vatRate: '0' });
  });
  afterAll(() => world?.app.close());

  it('an order prints as an invoice for payment: bank details, both INNs, every line, VAT per rate, the total and the sum in words', async () => {
    // given an order of Ромашка on WHOLESALE (VAT on top): 2 drills at 1,000.00 + 22 %, 3 handbooks at 333.33 without VAT
    const order = (await world.manager.CreateOrder({ input: { clientId: client, date: '2026-03-15', warehouseId: world.w1, lines: [{ productId: products['DR-1'], quantity: '2' }, { productId: products['BK-1'], quantity: '3' }] } })).createOrder;

    // when the manager prints it
    const [page] = await print(`/print/order/${order.id}.pdf?form=invoice`);

    // then, by hand: 2 × 1,000.00 = 2,000.00, VAT 22 % 440.00; 3 × 333.33 = 999.99, no VAT;
    // without VAT 2,999.99, VAT 440.00, to pay 3,439.99
    expect(page).toContain(`Счёт на оплату № ${order.number} от 15.03.2026`);
    expect(page).toContain('ПАО Сбербанк БИК 044525225 Сч. № 30101810400000000225');
    expect(page).toContain('ИНН 7712345671 КПП 771201001 Сч. № 40702810938000000001');
    expect(page).toContain('Поставщик: ООО «Торговый дом», ИНН 7712345671, КПП 771201001');
    expect(page).toContain('Покупатель: ООО «Ромашка», ИНН 7707083893, КПП 773601001, г. Москва, ул. Вавилова, 19');
    expect(page).toContain(`Основание: Заказ ${order.number} от 15.03.2026`);
    expect(page).toContain('1 DR-1 2 штука 1 000,00 22 % 2 000,00');
    expect(page).toContain('2 BK-1 3 штука 333,33 без НДС 999,99');
    expect(page).toContain('Итого без НДС: 2 999,99 в т. ч. НДС 22 %: 440,00 Без НДС (0 %): 0,00 Всего с НДС: 3 439,99');
    expect(page).toContain('Всего к оплате: 3 439,99 руб.');
    expect(page).toContain('Всего наименований 2, на сумму 3 439,99 руб.');
    expect(page).toContain('Три тысячи четыреста тридцать девять рублей 99 копеек');
    expect(page).toContain('Руководитель');
  });

  it('the same order in English, and an order of a VAT-inclusive price type is printed without VAT per line', async () => {
    // given an order of the RETAIL client (VAT in the price): 1 drill at 1,220.00 with 22 % inside
    const order = (await world.manager.CreateOrder({ input: { clientId: world.retailClient, date: '2026-03-16', warehouseId: world.w1, lines: [{ productId: products['DR-1'], quantity: '1' }] } })).createOrder;

    // when it is printed in English
    const [page] = await print(`/print/order/${order.id}.pdf?form=invoice&lang=en`);

    // then 1,220.00 × 22 / 122 = 220.00 VAT, 1,000.00 without it
    expect(page).toContain(`Invoice for payment No. ${order.number} of 16.03.2026`);
    expect(page).toContain('1 DR-1 1 pcs 1,000.00 22 % 1,000.00');
    expect(page).toContain('Total excl. VAT: 1,000.00 incl. VAT 22 %: 220.00 Total incl. VAT: 1,220.00');
    expect(page).toContain('One thousand two hundred twenty roubles 00 kopecks');
  });

  it('another client\'s partner gets 404, as for a missing order', async () => {
    const order = (await world.manager.CreateOrder({ input: { clientId: client, date: '2026-03-17', warehouseId: world.w1, lines: [{ productId: products['BK-1'], quantity: '1' }] } })).createOrder;
    const partner = (await world.app.login(demoEmail(Role.PARTNER))).token;
    expect((await fetchPrint(`${world.app.url}/print/order/${order.id}.pdf`, partner)).status).toBe(404);
    expect((await fetchPrint(`${world.app.url}/print/order/00000000-0000-4000-8000-000000000000.pdf`, partner)).status).toBe(404);
  });
});
