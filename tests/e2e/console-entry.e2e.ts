import type { Page } from 'playwright-core';
import { demoEmail, Role } from '../support/harness';
import { eventually, helperTextOf, openMenu, typeDay } from './browser';
import { logIn, openCreate, pick, rowsOf, save, text, useStockConsole } from './stock-console';

// the browser's own classes, for the paste handed to the page (the tests compile without the DOM's types)
declare const DataTransfer: { new (): { setData(type: string, value: string): void } };
declare const ClipboardEvent: { new (type: string, init: object): object };

/**
 * Entering documents and reading refusals as staff do, in a real browser: every class of
 * server validation worded in Russian on its field, a 30-line receipt typed by keyboard alone
 * against totals worked out by hand, lines pasted from a spreadsheet, a language switch that
 * keeps a half-typed document, and the audit log and role matrix in words.
 */
describe('console entry and messages', () => {
  const { browserTest, seed, addProduct } = useStockConsole();

  async function speakRussian(page: Page) {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'Русский' }).click();
    await page.getByRole('menuitem', { name: 'Панель управления' }).or(page.getByRole('menuitem', { name: 'Главная' })).first().waitFor();
  }

  const input = (page: Page, name: string) => page.locator(`input[name="${name}"]`);

  /** The head of a receipt: its date, the seeded store and supplier. */
  async function receiptHead(page: Page, tag: string, day: string) {
    await typeDay(page, 'date', day);
    await pick(page, page.getByRole('combobox', { name: /^(Warehouse|Склад)/ }), 'E2E Store', `E2E Store ${tag}`);
    await pick(page, page.getByRole('combobox', { name: /^(Supplier|Поставщик)/ }), 'E2E Supplier', `E2E Supplier ${tag}`);
  }

  browserTest('a Russian session meets each kind of server refusal and reads it in Russian on the field at fault', async ({ page }) => {
    // given a product E2E-RU-1, a supplier and a price type
    const seeded = await seed('ru', 'E2E-RU-1', 'Молоток');
    const { createPriceType: type } = await seeded.admin.CreatePriceType({ input: { code: 'E2E-RU', name: 'Розница', vatIncluded: true, rounding: 'KOPECK' } });
    await logIn(page, demoEmail(Role.ADMIN));
    await speakRussian(page);

    // when a counterparty is saved with a wrong INN check digit, a KPP of 8 characters and a BIK of 8 digits (a service's rules)
    await page.goto('/#/Counterparty/create');
    await input(page, 'name').fill('E2E Три ошибки');
    await page.getByRole('tab', { name: 'Реквизиты' }).click();
    await input(page, 'inn').fill('7707083894');
    await input(page, 'kpp').fill('77070100');
    await input(page, 'bank.bik').fill('04452522');
    await page.getByRole('button', { name: 'Сохранить' }).click();

    // then all three are refused at once, each in Russian under its field
    await eventually(async () => expect(await helperTextOf(input(page, 'inn'))).toBe('не сходится контрольное число — нет ли опечатки?'));
    expect(await helperTextOf(input(page, 'kpp'))).toBe('КПП — 9 знаков: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры');
    expect(await helperTextOf(input(page, 'bank.bik'))).toBe('должно состоять из 9 цифр');

    // when its name is made 201 characters long (an input's declared limit, checked before any rule)
    await page.getByRole('tab', { name: 'Основное' }).click();
    await input(page, 'name').fill('Ы'.repeat(201));
    await page.getByRole('tab', { name: 'Реквизиты' }).click();
    await input(page, 'inn').fill('');
    await input(page, 'kpp').fill('');
    await input(page, 'bank.bik').fill('');
    await page.getByRole('button', { name: 'Сохранить' }).click();

    // then the limit is worded in Russian with its number
    await page.getByRole('tab', { name: 'Основное' }).click();
    await eventually(async () => expect(await helperTextOf(input(page, 'name'))).toBe('не длиннее 200 символов'));

    // when a product is created with a SKU another product has (the database's unique constraint)
    await page.goto('/#/Product/create');
    await input(page, 'sku').fill('E2E-RU-1');
    await input(page, 'name').fill('Второй молоток');
    await pick(page, page.getByRole('combobox', { name: 'Единица' }), 'pcs-ru', 'pcs-ru — piece');
    await page.getByRole('button', { name: 'Сохранить' }).click();

    // then the SKU field says it is taken, in Russian
    await eventually(async () => expect(await helperTextOf(input(page, 'sku'))).toBe('уже занято другой записью'));

    // when a goods receipt's line quantity is typed with letters (a value the API's Decimal refuses)
    await openCreate(page, 'Поступления товаров', 'GoodsReceipt', 'Создать');
    await receiptHead(page, 'ru', '2020-05-04');
    await page.getByRole('button', { name: 'Добавить строку' }).click();
    await pick(page, page.getByRole('combobox', { name: 'Товар', exact: true }), 'E2E-RU-1', 'E2E-RU-1 Молоток');
    await input(page, 'lines.0.quantity').fill('два');
    await input(page, 'lines.0.unitCost').fill('100');
    await page.getByRole('button', { name: 'Сохранить' }).click();

    // then the quantity field is marked in Russian, and the notification names the line and the field
    await eventually(async () => expect(await helperTextOf(input(page, 'lines.0.quantity'))).toBe('введите число, например 1250,50'));
    expect(await input(page, 'lines.0.quantity').getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Строка 1, Количество: введите число, например 1250,50').waitFor();
    expect(await page.getByText('Response not successful').count()).toBe(0);

    // when the quantity is made 1,5 of a unit counted in whole pieces (a rule the server checks against the product's unit)
    await input(page, 'lines.0.quantity').fill('1,5');
    await page.getByRole('button', { name: 'Сохранить' }).click();

    // then the field and the notification say in Russian that the unit is counted in whole units, naming it
    await eventually(async () => expect(await helperTextOf(input(page, 'lines.0.quantity'))).toBe('количество в pcs-ru — только целое'));
    await page.getByText('Строка 1, Количество: количество в pcs-ru — только целое').waitFor();

    // when a price list has the same product on two lines (a rule about a line)
    await openCreate(page, 'Прайс-листы', 'PriceList', 'Создать');
    await pick(page, page.getByRole('combobox', { name: 'Тип цен' }), 'E2E-RU', `E2E-RU — Розница`);
    for (const index of [0, 1]) {
      await page.getByRole('button', { name: 'Добавить строку' }).click();
      await pick(page, page.getByRole('combobox', { name: 'Товар', exact: true }).nth(index), 'E2E-RU-1', 'E2E-RU-1 Молоток');
      await input(page, `lines.${index}.price`).fill('100');
    }
    await page.getByRole('button', { name: 'Сохранить' }).click();

    // then the second line's product says which line it repeats, and so does the notification
    await eventually(async () => expect(await helperTextOf(input(page, 'lines.1.productId'))).toBe('повторяет строку 1'));
    await page.getByText('Строка 2, Товар: повторяет строку 1').waitFor();
    expect(type.code).toBe('E2E-RU');
  });

  browserTest('a warehouse clerk types a 30-line receipt by keyboard alone and the totals are those worked out by hand', async ({ page }) => {
    // given 30 products: KB-01 … KB-20 at 22 % VAT, KB-21 … KB-30 at 10 %
    const seeded = await seed('kb', 'KB-00', 'Unused');
    for (let i = 1; i <= 30; i++) {
      const sku = `KB-${String(i).padStart(2, '0')}`;
      await seeded.admin.CreateProduct({ input: { sku, name: `Item ${i}`, unitId: seeded.unit.id, vatRate: i <= 20 ? '22' : '10' } });
    }
    await logIn(page, demoEmail(Role.WAREHOUSE));
    await openCreate(page, 'Goods receipts', 'GoodsReceipt');
    await receiptHead(page, 'kb', '2020-06-01');

    // when they start the first line and then type, line by line, only keys: the SKU, Enter, the quantity, Enter, the cost, Enter, Enter past the VAT rate the product brought
    await page.getByRole('button', { name: 'Add line' }).click();
    const focused = (name: string) => eventually(async () => expect(await input(page, name).evaluate((e) => e === e.ownerDocument.activeElement)).toBe(true));
    for (let i = 1; i <= 30; i++) {
      // (as a person does, they type once the cursor is in the new line's product)
      await focused(`lines.${i - 1}.productId`);
      await page.keyboard.type(`KB-${String(i).padStart(2, '0')}`);
      await page.keyboard.press('Enter');
      await focused(`lines.${i - 1}.quantity`);
      await page.keyboard.type(String(i));
      await page.keyboard.press('Enter');
      await page.keyboard.type(i <= 20 ? '100' : '50,50');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
    }

    // then 30 lines are there with a 31st started, and the totals read, worked out by hand:
    //   KB-01…20: quantities 1…20 (210) at 100.00 = 21,000.00, VAT 22 % per line 22 × i = 4,620.00
    //   KB-21…30: quantities 21…30 (255) at 50.50 = 12,877.50, VAT 10 % per line 5.05 × i = 1,287.75
    //   in all 465 pieces, 33,877.50 without VAT, VAT 5,907.75, 39,785.25 with VAT
    await eventually(async () => expect(await page.locator('.line-grid tbody tr').count()).toBe(31));
    const totals = async () => Object.fromEntries(await Promise.all(['quantity', 'amount', 'vat-10', 'vat-22', 'vat', 'total'].map(async (id) => [id, text(await page.getByTestId(`totals-${id}`).innerText())])));
    await eventually(async () =>
      expect(await totals()).toEqual({ quantity: '465', amount: 'RUB 33,877.50', 'vat-10': 'RUB 1,287.75', 'vat-22': 'RUB 4,620.00', vat: 'RUB 5,907.75', total: 'RUB 39,785.25' }),
    );
    const last = page.getByTestId('line-29');
    expect([
      await last.getByRole('combobox', { name: 'Product', exact: true }).inputValue(),
      text(await last.getByTestId('unit').innerText()),
      await input(page, 'lines.29.quantity').inputValue(),
      await input(page, 'lines.29.unitCost').inputValue(),
      await page.locator('select[name="lines.29.vatRate"]').inputValue(),
      ...(await Promise.all(['amount', 'vat', 'total'].map(async (id) => text(await last.getByTestId(id).innerText())))),
    ]).toEqual(['KB-30 Item 30', 'pcs-kb', '30', '50.50', '10', 'RUB 1,515.00', 'RUB 151.50', 'RUB 1,666.50']);

    // when they save, the empty 31st line is left out and the receipt holds the 30 lines as typed
    const id = await save(page, 'GoodsReceipt');
    const { goodsReceipt } = await seeded.admin.GoodsReceipt({ id });
    expect(goodsReceipt?.lines).toHaveLength(30);
    const sum = (values: string[]) => values.reduce((a, b) => a + Math.round(Number(b) * 100), 0) / 100;
    expect([sum(goodsReceipt!.lines.map((l) => l.amount)), sum(goodsReceipt!.lines.map((l) => l.vat))]).toEqual([33877.5, 5907.75]);
    expect(goodsReceipt!.lines[29]).toMatchObject({ lineNo: 30, product: { sku: 'KB-30' }, quantity: '30', unitCost: '50.50', vatRate: '10', amount: '1515.00', vat: '151.50' });
  }, 240_000);

  browserTest('ten lines pasted from a spreadsheet into a receipt become lines, and the rows that cannot are reported with why', async ({ page }) => {
    // given products PS-01 … PS-10 at 22 %, and an inactive PS-OLD
    const seeded = await seed('ps', 'PS-OLD', 'Old');
    await seeded.admin.UpdateProduct({ id: seeded.product.id, input: { version: seeded.product.version, active: false } });
    for (let i = 1; i <= 10; i++) await addProduct(seeded, `PS-${String(i).padStart(2, '0')}`, `Pasted ${i}`);
    await logIn(page, demoEmail(Role.PURCHASING));
    await openCreate(page, 'Goods receipts', 'GoodsReceipt');
    await receiptHead(page, 'ps', '2020-07-01');

    // when they paste, into the first line's product, 13 rows copied from Excel: a header, ten good rows, an unknown SKU, the inactive product and a quantity in words
    const rows = ['Артикул\tКол-во\tЦена', ...Array.from({ length: 10 }, (_, i) => `PS-${String(i + 1).padStart(2, '0')}\t${i + 1}\t${i + 1}0,50`), 'NOPE-1\t1\t1', 'PS-OLD\t2\t2', 'PS-01\tдва\t3'];
    await page.getByRole('button', { name: 'Add line' }).click();
    await page.getByRole('combobox', { name: 'Product', exact: true }).evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, rows.join('\r\n'));

    // then the ten good rows are ten lines in their order, the empty line they were pasted into gone
    await eventually(async () => expect(await page.locator('.line-grid tbody tr').count()).toBe(10));
    expect(await input(page, 'lines.0.quantity').inputValue()).toBe('1');
    expect(await input(page, 'lines.9.unitCost').inputValue()).toBe('100.50');

    // and the report says 10 of 13 rows, naming the three left out with the reason
    const report = page.getByTestId('paste-report');
    await report.getByText('10 of 13 rows added as lines').waitFor();
    expect(await rowsOf(page, 'MuiAlert-message')).toEqual(['12 NOPE-1 No product has this SKU', '13 PS-OLD The product is not active', '14 PS-01 The quantity is not a number above 0']);

    // and the totals: Σ i × (10i + 0.50) for i = 1…10 = 10 × 385 + 0.50 × 55 = 3,877.50; VAT 22 % per line = 853.05 (each line's 22 % is exact)
    await eventually(async () => expect(text(await page.getByTestId('totals-amount').innerText())).toBe('RUB 3,877.50'));
    expect(text(await page.getByTestId('totals-vat').innerText())).toBe('RUB 853.05');
    expect(text(await page.getByTestId('totals-total').innerText())).toBe('RUB 4,730.55');
  });

  browserTest('switching the language keeps a half-typed receipt, its lines and its totals', async ({ page }) => {
    // given a receipt being typed: its head and two lines
    const seeded = await seed('ls', 'LS-1', 'Hammer');
    await addProduct(seeded, 'LS-2', 'Chisel');
    await logIn(page, demoEmail(Role.ADMIN));
    await openCreate(page, 'Goods receipts', 'GoodsReceipt');
    await receiptHead(page, 'ls', '2020-08-03');
    await page.locator('textarea[name="comment"]').fill('Half typed');
    for (const [index, sku, name, quantity] of [[0, 'LS-1', 'Hammer', '4'], [1, 'LS-2', 'Chisel', '2']] as const) {
      await page.getByRole('button', { name: 'Add line' }).click();
      await pick(page, page.getByRole('combobox', { name: 'Product', exact: true }).nth(index), sku, `${sku} ${name}`);
      await input(page, `lines.${index}.quantity`).fill(quantity);
      await input(page, `lines.${index}.unitCost`).fill('25');
    }
    await eventually(async () => expect(text(await page.getByTestId('totals-amount').innerText())).toBe('RUB 150.00'));

    // when they switch to Russian
    await speakRussian(page);

    // then the same form is there in Russian, nothing lost: 6 × 25 = 150,00 ₽
    await page.getByRole('columnheader', { name: 'Количество' }).waitFor();
    await eventually(async () => expect(await page.locator('textarea[name="comment"]').inputValue()).toBe('Half typed'));
    expect(await input(page, 'date').inputValue()).toBe('03.08.2020');
    expect([await input(page, 'lines.0.quantity').inputValue(), await input(page, 'lines.1.quantity').inputValue()]).toEqual(['4', '2']);
    await eventually(async () => expect(await page.getByRole('combobox', { name: 'Товар', exact: true }).nth(1).inputValue()).toBe('LS-2 Chisel'));
    await eventually(async () => expect(text(await page.getByTestId('totals-amount').innerText())).toBe('150,00 ₽'));
  });

  browserTest('the audit log and the role matrix read in Russian words: field labels, names for ids, enum values, permissions', async ({ page }) => {
    // given a product moved into a group and made a service
    const seeded = await seed('au', 'E2E-AU-1', 'Audited');
    const { createProductGroup: group } = await seeded.admin.CreateProductGroup({ input: { name: 'E2E Аудит-группа' } });
    await seeded.admin.UpdateProduct({ id: seeded.product.id, input: { version: seeded.product.version, groupId: group.id, kind: 'SERVICE' } });
    await logIn(page, demoEmail(Role.ADMIN));
    await speakRussian(page);

    // when the administrator opens the audit log of that product
    await page.goto(`/#/AuditEntry?filter=${encodeURIComponent(JSON.stringify({ entityId: seeded.product.id }))}`);

    // then the change reads with Russian labels, the group by name and the kind in words, no UUIDs or enum names
    const change = page.getByTestId('audit-changes').first();
    await eventually(async () => expect(text(await change.innerText())).toMatch(/Вид: Товар → Услуга/));
    await eventually(async () => expect(text(await change.innerText())).toMatch(/Группа: — → E2E Аудит-группа/));
    expect(await change.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}|GOODS|SERVICE/);
    await page.getByRole('cell', { name: 'Товар', exact: true }).first().waitFor();

    // when they open roles and permissions, then permissions are named, not keyed
    await openMenu(page, 'Роли');
    // (the first cell of a row names the permission; the ticks under the roles repeat it for screen readers)
    await page.getByRole('cell', { name: 'Товары: просмотр', exact: true }).first().waitFor();
    await page.getByRole('cell', { name: 'Себестоимость и наценка: просмотр', exact: true }).first().waitFor();
    expect(await page.getByRole('cell', { name: 'product:read' }).count()).toBe(0);
  });
});
