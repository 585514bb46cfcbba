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
    expect(page).toContain('Итого без НДС: 2 999,99 НДС 22 %: 440,00 Без НДС (0 %): 0,00 Всего с НДС: 3 439,99');
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
    expect(page).toContain('Total excl. VAT: 1,000.00 VAT 22 %: 220.00 Total incl. VAT: 1,220.00');
    expect(page).toContain('One thousand two hundred twenty roubles 00 kopecks');
  });

  it('another client\'s partner gets 404, as for a missing order', async () => {
    const order = (await world.manager.CreateOrder({ input: { clientId: client, date: '2026-03-17', warehouseId: world.w1, lines: [{ productId: products['BK-1'], quantity: '1' }] } })).createOrder;
    const partner = (await world.app.login(demoEmail(Role.PARTNER))).token;
    expect((await fetchPrint(`${world.app.url}/print/order/${order.id}.pdf`, partner)).status).toBe(404);
    expect((await fetchPrint(`${world.app.url}/print/order/00000000-0000-4000-8000-000000000000.pdf`, partner)).status).toBe(404);
  });

  describe('a shipment, its return, a service act and an invoice', () => {
    let shipment: { id: string; number: string };
    let orderNumber: string;

    beforeAll(async () => {
      // given 10 drills and 10 handbooks in W1, and a confirmed order of Ромашка for 2 drills and 3 handbooks, shipped in full
      await world.receive(world.w1, products['DR-1'], '10', '600');
      await world.receive(world.w1, products['BK-1'], '10', '200');
      const order = (await world.manager.CreateOrder({ input: { clientId: client, date: world.today, warehouseId: world.w1, lines: [{ productId: products['DR-1'], quantity: '2' }, { productId: products['BK-1'], quantity: '3' }] } })).createOrder;
      orderNumber = order.number;
      await world.manager.ConfirmOrder({ id: order.id });
      shipment = (await world.manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today } })).createShipmentFromOrder;
      await world.manager.PostShipment({ id: shipment.id });
    });

    const day = () => world.today.split('-').reverse().join('.');

    it('prints as ТОРГ-12: shipper, consignee, payer, the order as basis, every line with VAT, totals and the sum in words', async () => {
      const pages = await print(`/print/shipment/${shipment.id}.pdf?form=torg-12`);
      const page = pages.join(' ');
      // 2 × 1,000.00 = 2,000.00 + 440.00 = 2,440.00; 3 × 333.33 = 999.99 without VAT; 2,999.99 + 440.00 = 3,439.99
      expect(page).toContain(`Товарная накладная (ТОРГ-12) № ${shipment.number} от ${day()}`);
      expect(page).toContain('Грузополучатель: ООО «Ромашка», ИНН 7707083893, КПП 773601001');
      expect(page).toContain('Плательщик: ООО «Ромашка», ИНН 7707083893, КПП 773601001');
      expect(page).toContain(`Основание: Заказ ${orderNumber} от ${day()}`);
      expect(page).toContain('1 DR-1 DR-1 штука 2 1 000,00 2 000,00 22 % 440,00 2 440,00');
      expect(page).toContain('2 BK-1 BK-1 штука 3 333,33 999,99 без НДС 0,00 999,99');
      expect(page).toContain('Итого 5 2 999,99 440,00 3 439,99');
      expect(page).toContain('Три тысячи четыреста тридцать девять рублей 99 копеек');
      expect(page).toContain('Груз получил грузополучатель');
    });

    it('prints as УПД status 1 (with the invoice\'s signatures) and status 2 (transfer only)', async () => {
      const [one] = await print(`/print/shipment/${shipment.id}.pdf?form=upd-1`);
      expect(one).toContain(`Счёт-фактура № ${shipment.number} от ${day()} Статус: 1`);
      expect(one).toContain('ИНН/КПП продавца 7712345671 / 771201001');
      expect(one).toContain('ИНН/КПП покупателя 7707083893 / 773601001');
      expect(one).toContain('Валюта: наименование, код Российский рубль, 643');
      expect(one).toContain('Всего к оплате 5 2 999,99 440,00 3 439,99');
      expect(one).toContain('Главный бухгалтер');
      const [two] = await print(`/print/shipment/${shipment.id}.pdf?form=upd-2`);
      expect(two).toContain('Статус: 2');
      expect(two).not.toContain('Главный бухгалтер');
      expect(two).toContain('Товар (груз) получил');
    });

    it('prints all its papers at once: the invoice for payment, the УПД and the packing list, each from a new page', async () => {
      const pages = await print(`/print/shipment/${shipment.id}.pdf?form=shipping-set`);
      expect(pages).toHaveLength(3);
      expect(pages[0]).toContain(`Счёт на оплату № ${shipment.number}`);
      expect(pages[0]).toContain('Всего к оплате: 3 439,99 руб.');
      expect(pages[1]).toContain('Универсальный передаточный документ');
      expect(pages[2]).toContain(`Упаковочный лист № ${shipment.number}`);
      // no weights were given: the packing list counts pieces only
      expect(pages[2]).toContain('Итого 5 —');
      expect(pages[2]).toContain('Страница 3 из 3');
    });

    it('a return of one drill prints as a return note with its reason and condition', async () => {
      const ret = (await world.manager.CreateCustomerReturn({ input: { shipmentId: shipment.id, date: world.today, reason: 'не подошёл', lines: [{ shipmentLineNo: 1, quantity: '1', condition: 'RESALEABLE' }] } })).createCustomerReturn;
      await world.manager.PostCustomerReturn({ id: ret.id });
      const [page] = await print(`/print/customer-return/${ret.id}.pdf`);
      // half of the drills' line: 1,000.00 + 220.00 = 1,220.00
      expect(page).toContain(`Возвратная накладная № ${ret.number} от ${day()}`);
      expect(page).toContain('Сдатчик (покупатель): ООО «Ромашка»');
      expect(page).toContain(`Основание: Отгрузка ${shipment.number} от ${day()}`);
      expect(page).toContain('1 DR-1 DR-1 штука 1 1 000,00 1 000,00 22 % 220,00 1 220,00 не подошёл, годен');
      expect(page).toContain('Одна тысяча двести двадцать рублей 00 копеек');
    });

    it('the client prints a reconciliation statement for a period: opening, every document, closing and whom it favours', async () => {
      // given (above) the shipment of 3,439.99 and the return of one drill, 1,220.00, both today
      const [page] = await print(`/print/client/${client}.pdf?form=reconciliation&from=${world.today}&to=${world.today}`);
      // then 0 + 3,439.99 − 1,220.00 = 2,219.99 owed to the company
      expect(page).toContain(`Акт сверки взаимных расчётов за период с ${day()} по ${day()}`);
      expect(page).toContain('между ООО «Торговый дом» и ООО «Ромашка»');
      expect(page).toContain(`Сальдо на ${day()} 0,00`);
      expect(page).toContain(`${day()} Реализация (отгрузка) № ${shipment.number} 3 439,99`);
      expect(page).toMatch(new RegExp(`${day().replace(/\./g, '\\.')} Возврат от покупателя № RT-\\d{4}-\\d{6} 1 220,00`));
      expect(page).toContain('Обороты за период 3 439,99 1 220,00');
      expect(page).toContain(`Сальдо на ${day()} 2 219,99`);
      expect(page).toContain(`По данным ООО «Торговый дом» на ${day()} задолженность в пользу ООО «Торговый дом» составляет 2 219,99 руб.`);
    });

    it('a statement names a missing or reversed period on its field, and its link is signed for that period', async () => {
      const bad = await fetchPrint(`${world.app.url}/print/client/${client}.pdf?form=reconciliation&to=${world.today}`, token);
      expect(bad.status).toBe(400);
      expect((bad.json() as { errors: { extensions: { fields: Record<string, string> } }[] }).errors[0].extensions.fields).toHaveProperty('from');
      const reversed = await fetchPrint(`${world.app.url}/print/client/${client}.pdf?form=reconciliation&from=2026-03-02&to=2026-03-01`, token);
      expect(Object.keys((reversed.json() as { errors: { extensions: { fields: Record<string, string> } }[] }).errors[0].extensions.fields)).toEqual(['to']);
      const { url } = (await world.manager.PrintLink({ documentType: 'client', id: client, form: 'reconciliation', from: '2026-01-01', to: world.today })).printLink;
      expect((await fetchPrint(`${world.app.url}${url}`)).status).toBe(200);
      expect((await fetchPrint(`${world.app.url}${url.replace('from=2026-01-01', 'from=2025-01-01')}`)).status).toBe(403);
    });

    it('a service act prints as an act of services rendered; an invoice for payment of the order prints with its QR code', async () => {
      const service = await world.product('SV-1', '6100.00', '5000.00', { vatRate: '22', kind: 'SERVICE' });
      const act = (await world.manager.CreateServiceAct({ input: { clientId: client, date: world.today, vatIncluded: false, lines: [{ productId: service, quantity: '1', price: '5000' }] } })).createServiceAct;
      const [page] = await print(`/print/service-act/${act.id}.pdf`);
      // 5,000.00 + 22 % 1,100.00 = 6,100.00
      expect(page).toContain(`Акт выполненных работ (оказанных услуг) № ${act.number} от ${day()}`);
      expect(page).toContain('Исполнитель: ООО «Торговый дом»');
      expect(page).toContain('Заказчик: ООО «Ромашка»');
      expect(page).toContain('1 SV-1 1 штука 5 000,00 22 % 5 000,00');
      expect(page).toContain('Всего оказано услуг 1, на сумму 6 100,00 руб.');
      expect(page).toContain('Шесть тысяч сто рублей 00 копеек');
      expect(page).toContain('Заказчик претензий по объёму, качеству и срокам оказания услуг не имеет.');
    });
  });
});
