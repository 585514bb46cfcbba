import { writeFileSync } from 'node:fs';
import nodePath from 'node:path';
import type { TradebookClient } from '@tradebook/client';
import { demoEmail, Role, type TestApp } from '../support/harness';
import { fetchPrint, pdfPages } from '../support/pdf-text';
import { startStockWorld } from '../support/stock-world';

// Printed forms of the stock documents and the price list, read back as the text of the PDF.
// Every figure is worked out by hand in the comment above its assertion.
describe('printed forms', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let token: string;
  let w1: string;
  let w2: string;
  let pcs: string;
  let supplier: string;
  const products: Record<string, string> = {};
  let receiptId: string;
  let receiptNumber: string;

  const print = async (path: string) => {
    const res = await fetchPrint(`${app.url}${path}`, token);
    expect([res.status, res.type]).toEqual([200, 'application/pdf']);
    // PRINT_DUMP_DIR=/tmp/forms keeps the files, to look at them (pdftoppm -png -r 60)
    if (process.env.PRINT_DUMP_DIR) writeFileSync(nodePath.join(process.env.PRINT_DUMP_DIR, `${path.split('/')[2]}-${path.split('?')[0].split('/')[3].slice(0, 8)}.pdf`), Buffer.from(res.body));
    return pdfPages(res.body);
  };

  beforeAll(async () => {
    ({ app, admin, w1, w2, pcs } = await startStockWorld());
    token = (await app.login(demoEmail(Role.ADMIN))).token;
    await admin.UpdateCompanyDetails({
      input: { version: 1, legalName: 'ООО «Торговый дом»', inn: '7712345671', kpp: '771201001', ogrn: '1027700000008', address: 'г. Москва, ул. Тверская, 1', bankName: 'ПАО Сбербанк', bik: '044525225', correspondentAccount: '30101810400000000225', account: '40702810938000000001', director: 'Иванов И. И.', chiefAccountant: 'Петрова А. С.' },
    });
    supplier = (await admin.CreateCounterparty({ input: { name: 'Инструмент', fullName: 'ООО «Инструмент-Опт»', inn: '5001007329', kpp: '500101001', legalAddress: 'г. Балашиха, ул. Заводская, 5', roles: ['SUPPLIER'] } })).createCounterparty.id;
    for (const [sku, name, vatRate] of [['DR-1', 'Дрель ударная', '22'], ['BT-6', 'Сверло 6 мм', '10'], ['BK-1', 'Справочник мастера', '0']]) {
      products[sku] = (await admin.CreateProduct({ input: { sku, name, unitId: pcs, kind: 'GOODS', vatRate } })).createProduct.id;
    }
    // 2 × 1000.00 = 2000.00 + 22 % 440.00; 10 × 15.50 = 155.00 + 10 % 15.50; 3 × 333.33 = 999.99 + 0 %
    const receipt = (
      await admin.CreateGoodsReceipt({
        input: {
          date: '2026-03-10',
          warehouseId: w1,
          supplierId: supplier,
          lines: [
            { productId: products['DR-1'], quantity: '2', unitCost: '1000', vatRate: '22' },
            { productId: products['BT-6'], quantity: '10', unitCost: '15.5', vatRate: '10' },
            { productId: products['BK-1'], quantity: '3', unitCost: '333.33', vatRate: '0' },
          ],
        },
      })
    ).createGoodsReceipt;
    await admin.PostGoodsReceipt({ id: receipt.id });
    receiptId = receipt.id;
    receiptNumber = receipt.number;
  });
  afterAll(() => app.close());

  it('a goods receipt prints its number, both INNs, every line, VAT per rate, the totals and the sum in words', async () => {
    // when the receipt note is printed in Russian
    const [page, ...more] = await print(`/print/goods-receipt/${receiptId}.pdf?form=receipt-note&lang=ru`);

    // then one page with the title, the supplier's and the company's INN/KPP
    expect(more).toEqual([]);
    expect(page).toContain(`Приходная накладная № ${receiptNumber} от 10.03.2026`);
    expect(page).toContain('ИНН 5001007329, КПП 500101001');
    expect(page).toContain('ИНН 7712345671, КПП 771201001');
    expect(page).toContain('р/с 40702810938000000001 в ПАО Сбербанк, БИК 044525225');
    // and every line: sku, name, quantity, price, amount, rate, VAT, amount with VAT
    expect(page).toContain('1 DR-1 Дрель ударная штука 2 1 000,00 2 000,00 22 440,00 2 440,00');
    expect(page).toContain('2 BT-6 Сверло 6 мм штука 10 15,50 155,00 10 15,50 170,50');
    expect(page).toContain('3 BK-1 Справочник мастера штука 3 333,33 999,99 0 0,00 999,99');
    // and totals: 2000.00 + 155.00 + 999.99 = 3154.99; VAT 440.00 + 15.50 = 455.50; with VAT 3610.49
    expect(page).toContain('Итого 3 154,99 455,50 3 610,49');
    expect(page).toContain('в т. ч. НДС 22 %: 440,00 в т. ч. НДС 10 %: 15,50 в т. ч. НДС 0 %: 0,00');
    expect(page).toContain('Всего с НДС: 3 610,49');
    expect(page).toContain('Всего наименований 3, на сумму 3 610,49 руб. Три тысячи шестьсот десять рублей 49 копеек');
    expect(page).toContain('Петрова А. С.');
    expect(page).toContain('Страница 1 из 1');
  });

  it('the English variant is worded in English with the same figures', async () => {
    const [page] = await print(`/print/goods-receipt/${receiptId}.pdf?lang=en`);
    expect(page).toContain(`Goods receipt note No. ${receiptNumber} of 10.03.2026`);
    expect(page).toContain('INN 5001007329, KPP 500101001');
    expect(page).toContain('1 DR-1 Дрель ударная pcs 2 1,000.00 2,000.00 22 440.00 2,440.00');
    expect(page).toContain('Total incl. VAT: 3,610.49');
    expect(page).toContain('Three thousand six hundred ten roubles 49 kopecks');
    expect(page).toContain('Page 1 of 1');
  });

  it('a transfer prints as ТОРГ-13 with the FIFO cost of what left', async () => {
    // given 1 drill and 4 bits moved from W1 to W2
    const tr = (await admin.CreateStockTransfer({ input: { date: '2026-03-11', fromWarehouseId: w1, toWarehouseId: w2, lines: [{ productId: products['DR-1'], quantity: '1' }, { productId: products['BT-6'], quantity: '4' }] } })).createStockTransfer;
    await admin.PostStockTransfer({ id: tr.id });

    // when it is printed
    const [page] = await print(`/print/stock-transfer/${tr.id}.pdf?form=torg-13`);

    // then 1 × 1000.00 = 1000.00 and 4 × 15.50 = 62.00; together 5 pieces, 1062.00
    expect(page).toContain(`Накладная на внутреннее перемещение товаров (ТОРГ-13) № ${tr.number} от 11.03.2026`);
    expect(page).toContain('ИНН 7712345671');
    expect(page).toContain('Отправитель: Основной');
    expect(page).toContain('Получатель: Филиал');
    expect(page).toContain('1 DR-1 Дрель ударная штука 1 1 000,00 1 000,00');
    expect(page).toContain('2 BT-6 Сверло 6 мм штука 4 15,50 62,00');
    expect(page).toContain('Итого 5 1 062,00');
    expect(page).toContain('Одна тысяча шестьдесят два рубля 00 копеек');
  });

  it('a write-off prints as ТОРГ-16 with its reason and cost; without cost:read the cost is left out', async () => {
    // given 2 bits written off W1 as damaged: 2 × 15.50 = 31.00
    const wo = (await admin.CreateWriteOff({ input: { date: '2026-03-12', warehouseId: w1, reason: 'DAMAGE', comment: 'упали со стеллажа', lines: [{ productId: products['BT-6'], quantity: '2' }] } })).createWriteOff;
    await admin.PostWriteOff({ id: wo.id });

    // when the admin prints it
    const [page] = await print(`/print/write-off/${wo.id}.pdf?form=torg-16&lang=ru`);

    // then the act has the reason, the line with its cost and the sum in words
    expect(page).toContain(`Акт о списании товаров (ТОРГ-16) № ${wo.number} от 12.03.2026`);
    expect(page).toContain('Причина списания: порча, бой — упали со стеллажа');
    expect(page).toContain('1 BT-6 Сверло 6 мм штука 2 15,50 31,00');
    expect(page).toContain('Тридцать один рубль 00 копеек');

    // and the warehouse (no cost:read) prints the quantities only
    const warehouse = await app.login(demoEmail(Role.WAREHOUSE));
    const res = await fetchPrint(`${app.url}/print/write-off/${wo.id}.pdf?form=torg-16`, warehouse.token);
    const [plain] = await pdfPages(res.body);
    expect(plain).toContain('1 BT-6 Сверло 6 мм штука 2');
    expect(plain).not.toContain('31,00');
    expect(plain).toContain('Всего наименований 1');
  });

  it('a stock count prints as ИНВ-3: counted against the books, surplus and shortage', async () => {
    // given W1 holds 1 drill, 10 − 4 − 2 = 4 bits, 3 books; counted 1, 3 and 5
    const count = (
      await admin.CreateStockCount({ input: { date: '2026-03-13', warehouseId: w1, lines: [{ productId: products['BT-6'], countedQuantity: '3' }, { productId: products['BK-1'], countedQuantity: '5' }] } })
    ).createStockCount;

    // when it is printed
    const [page] = await print(`/print/stock-count/${count.id}.pdf?form=inv-3`);

    // then per line counted, books, surplus, shortage; totals 1 + 3 + 5 = 9 counted, 1 + 4 + 3 = 8 on the books
    expect(page).toContain(`Инвентаризационная опись товаров (ИНВ-3) № ${count.number} от 13.03.2026`);
    expect(page).toMatch(/\d DR-1 Дрель ударная штука 1 1 /);
    expect(page).toMatch(/\d BT-6 Сверло 6 мм штука 3 4 1 /);
    expect(page).toMatch(/\d BK-1 Справочник мастера штука 5 3 2 /);
    expect(page).toContain('Итого 9 8 2 1');
  });

  it('a price list prints the prices of its type in PDF and in XLSX', async () => {
    // given a price type with two prices
    const type = (await admin.CreatePriceType({ input: { code: 'OPT', name: 'Опт', vatIncluded: true } })).createPriceType;
    const list = (await admin.CreatePriceList({ input: { date: '2026-01-01', priceTypeId: type.id, lines: [{ productId: products['DR-1'], price: '1499.9' }, { productId: products['BT-6'], price: '25' }] } })).createPriceList;
    await admin.PostPriceList({ id: list.id });

    // when it is printed
    const [page] = await print(`/print/price-type/${type.id}.pdf?form=price-list`);

    // then both prices, with two places
    expect(page).toContain('Прайс-лист «Опт»');
    expect(page).toContain('Цены указаны с НДС');
    expect(page).toContain('1 BT-6 Сверло 6 мм штука 25,00');
    expect(page).toContain('2 DR-1 Дрель ударная штука 1 499,90');

    // and the spreadsheet has them as numbers
    const xlsx = await fetchPrint(`${app.url}/print/price-type/${type.id}.xlsx?form=price-list&lang=en`, token);
    expect(xlsx.status).toBe(200);
    expect(xlsx.disposition).toBe('inline; filename="price-list-OPT.xlsx"');
    const { Workbook } = await import('exceljs');
    const book = new Workbook();
    await book.xlsx.load(xlsx.body);
    const rows = book.worksheets[0].getSheetValues().slice(4).map((row) => (row as unknown[]).slice(1));
    expect(rows).toEqual([
      [1, 'BT-6', 'Сверло 6 мм', 'pcs', 25],
      [2, 'DR-1', 'Дрель ударная', 'pcs', 1499.9],
    ]);
  });

  it('a 300-line receipt runs over pages, each repeating the table header, numbered', async () => {
    // given 300 lines of one product, line i with i pieces at 1.00 + 22 %: Σ i = 300 × 301 / 2 = 45150.00, VAT 9933.00, 55083.00
    const lines = Array.from({ length: 300 }, (_, i) => ({ productId: products['DR-1'], quantity: String(i + 1), unitCost: '1', vatRate: '22' }));
    const receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-14', warehouseId: w2, supplierId: supplier, lines } })).createGoodsReceipt;

    // when it is printed
    const started = Date.now();
    const pages = await print(`/print/goods-receipt/${receipt.id}.pdf`);
    console.log(`300-line receipt: ${pages.length} pages in ${Date.now() - started} ms`);

    // then every page is numbered, and every page of lines starts with the header row
    const withLines = pages.filter((page) => page.includes('DR-1 Дрель ударная'));
    expect(withLines.length).toBeGreaterThan(3);
    pages.forEach((page, i) => expect(page).toContain(`Страница ${i + 1} из ${pages.length}`));
    withLines.forEach((page) => expect(page).toContain('№ Артикул Товар Ед. Кол-во Цена без НДС Сумма без НДС НДС, % НДС Сумма с НДС'));
    // and the totals, the sum in words and the signatures are together at the end
    expect(pages[1]).toMatch(/\d+ DR-1 Дрель ударная штука/);
    expect(pages.join(' ')).toContain('300 DR-1 Дрель ударная штука 300 1,00 300,00 22 66,00 366,00');
    expect(pages.join(' ')).toContain('Итого 45 150,00 9 933,00 55 083,00');
    expect(pages.at(-1)).toContain('Итого без НДС: 45 150,00 в т. ч. НДС 22 %: 9 933,00 Всего с НДС: 55 083,00');
    expect(pages.at(-1)).toContain('Пятьдесят пять тысяч восемьдесят три рубля 00 копеек');
    expect(pages.at(-1)).toContain('Главный бухгалтер');
  });

  it('a selection of documents prints as one PDF, each from a new page, through a signed batch link', async () => {
    // given two transfers of one drill each, W1 → W2 and back
    const there = (await admin.CreateStockTransfer({ input: { date: '2026-03-15', fromWarehouseId: w1, toWarehouseId: w2, lines: [{ productId: products['DR-1'], quantity: '1' }] } })).createStockTransfer;
    const back = (await admin.CreateStockTransfer({ input: { date: '2026-03-16', fromWarehouseId: w2, toWarehouseId: w1, lines: [{ productId: products['DR-1'], quantity: '1' }] } })).createStockTransfer;

    // when both are printed at once, the second one first
    const { url } = (await admin.PrintBatchLink({ documentType: 'stock-transfer', ids: [back.id, there.id], form: 'torg-13' })).printBatchLink;
    const res = await fetchPrint(`${app.url}${url}`);
    expect([res.status, res.type]).toEqual([200, 'application/pdf']);
    const pages = await pdfPages(res.body);

    // then each is a page of its own, in the order asked, numbered through the file
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain(`(ТОРГ-13) № ${back.number} от 16.03.2026`);
    expect(pages[0]).toContain('Отправитель: Филиал');
    expect(pages[1]).toContain(`(ТОРГ-13) № ${there.number} от 15.03.2026`);
    expect(pages[1]).toContain('Страница 2 из 2');
    // and the link opens only the documents it was signed for
    const other = url.replace(back.id, receiptId);
    expect((await fetchPrint(`${app.url}${other}`)).status).toBe(403);
  });

  it('a batch names its fault: no ids, too many, not an id; a missing document makes the whole file 404', async () => {
    const fields = async (ids: string[]) => ((await admin.PrintBatchLink({ documentType: 'stock-transfer', ids }).catch((e) => e)) as { details?: { fields?: Record<string, string> } }).details?.fields;
    expect(Object.keys((await fields([]))!)).toEqual(['ids']);
    expect(Object.keys((await fields(Array.from({ length: 101 }, () => receiptId)))!)).toEqual(['ids']);
    expect(Object.keys((await fields([receiptId, 'nope']))!)).toEqual(['ids.1']);
    const missing = await fetchPrint(`${app.url}/print/goods-receipt/batch.pdf?ids=${receiptId},00000000-0000-4000-8000-000000000000`, token);
    expect(missing.status).toBe(404);
    // with a bearer token the batch path reads as the single one does
    const one = await fetchPrint(`${app.url}/print/goods-receipt/batch.pdf?ids=${receiptId}`, token);
    expect((await pdfPages(one.body))[0]).toContain(`№ ${receiptNumber}`);
  });
});
