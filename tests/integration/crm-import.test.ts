import ExcelJS from 'exceljs';
import type { ImportClientsMutation, TradebookClient } from '@tradebook/client';
import { completeInn } from '../../api/src/modules/crm/inn';
import { demoEmail, errorOf, rawRequest, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

const ROMASHKA_INN = '7707083893';
const VASILEK_INN = completeInn('502700123');
const ODUVANCHIK_INN = completeInn('502700456');

type Report = ImportClientsMutation['importClients'];
/** A report as [row, action, client name, [field, reason]…] per row: what a person reads in it. */
const readable = (report: Report) => report.rows.map((r) => [r.row, r.action, r.client?.name ?? null, r.problems.map((p) => [p.field, p.reason])]);

async function xlsx(rows: (string | number | null)[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Клиенты');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

async function csv(rows: string[][]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('CSV');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.csv.writeBuffer({ formatterOptions: { delimiter: ';' } })).toString('base64');
}

/**
 * Issue 13 §1–2: clients and contacts from spreadsheets (a dry run reporting every row,
 * then the same import for real), the export of a client list to XLSX, and the merge of two
 * duplicate clients with their documents and balances.
 */
describe('CRM: import, export and merge of clients', () => {
  let world: SalesWorld;
  let app: TestApp;
  let admin: TradebookClient;
  let head: TradebookClient;
  let manager: TradebookClient;
  let boris: TradebookClient;
  let romashka: string;

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, admin, manager } = world);
    head = await app.as(Role.SALES_HEAD);
    const borisId = (await admin.CreateUser({ input: { email: 'boris@demo.tradebook', name: 'Борис', password: 'second-manager-pass', roles: ['SALES_MANAGER'] } })).createUser.id;
    boris = (await app.login('boris@demo.tradebook', 'second-manager-pass')).client;
    await head.CreateClientReference({ input: { kind: 'REGION', name: 'Москва' } });
    romashka = (await manager.CreateCounterparty({ input: { name: 'Ромашка', inn: ROMASHKA_INN, tags: ['опт'] } })).createCounterparty.id;
    await head.CreateCounterparty({ input: { name: 'Чужой', email: 'chuzhoy@example.ru', ownerId: borisId } });
  });
  afterAll(() => app.close());

  it('a dry run of an XLSX file reports every row as the import then does it: create, update, and each refusal with its reason', async () => {
    // given a manager's spreadsheet: a new client with a contact (its INN typed as a number), an update of their Ромашка,
    // a bad phone, an unknown region, an email an earlier row has, a mistyped INN, Boris's client, a contact without a name
    const file = await xlsx([
      ['Name', 'INN', 'Phone', 'Email', 'Region', 'Tags', 'Contact', 'Contact phone'],
      ['Василёк', Number(VASILEK_INN), '8 (912) 345-67-80', 'Info@Vasilek.ru', 'москва', 'VIP, опт, vip', 'Анна Смирнова', '+7 912 345-67-81'],
      ['Ромашка', ROMASHKA_INN, '+7 495 123-45-67', null, null, 'новый', null, null],
      ['Плохой телефон', null, '12345', null, null, null, null, null],
      ['Нет региона', null, null, null, 'Атлантида', null, null, null],
      ['Василёк-2', null, null, 'INFO@vasilek.ru', null, null, null, null],
      ['Кривой ИНН', '7707083890', null, null, null, null, null, null],
      ['Чужой дубль', null, null, 'chuzhoy@example.ru', null, null, null, null],
      [null, null, null, null, null, null, null, null],
      ['Лопух', null, null, null, null, null, null, '+7 912 345-67-82'],
    ]);

    // when the manager previews it
    const { clientImportPreview: preview } = await manager.ClientImportPreview({ input: { file, fileName: 'clients.xlsx' } });
    // then the columns come with the fields their headers suggest, and the first rows as text
    expect(preview).toMatchObject({ format: 'XLSX', sheets: ['Клиенты'], sheet: 'Клиенты', totalRows: 8 });
    expect(preview.columns.map((c) => [c.index, c.header, c.suggestedField])).toEqual([
      [1, 'Name', 'NAME'],
      [2, 'INN', 'INN'],
      [3, 'Phone', 'PHONE'],
      [4, 'Email', 'EMAIL'],
      [5, 'Region', 'REGION'],
      [6, 'Tags', 'TAGS'],
      [7, 'Contact', 'CONTACT_NAME'],
      [8, 'Contact phone', 'CONTACT_PHONE'],
    ]);
    expect(preview.rows[0]).toEqual({ row: 2, cells: ['Василёк', VASILEK_INN, '8 (912) 345-67-80', 'Info@Vasilek.ru', 'москва', 'VIP, опт, vip', 'Анна Смирнова', '+7 912 345-67-81'] });

    // when they dry-run it with the suggested mapping, updating the duplicates they may
    const mapping = preview.columns.map((c) => ({ column: c.index, field: c.suggestedField! }));
    const input = { file, format: 'XLSX' as const, mapping, onDuplicate: 'UPDATE' as const };
    const { importClients: dry } = await manager.ImportClients({ input: { ...input, dryRun: true } });

    // then every data row is reported (the blank line 9 is no row), worked out by hand
    const expected = [
      [2, 'CREATE', 'Василёк', []],
      [3, 'UPDATE', 'Ромашка', []],
      [4, 'REFUSE', null, [['phone', 'NOT_A_PHONE']]],
      [5, 'REFUSE', null, [['region', 'NOT_FOUND']]],
      [6, 'REFUSE', null, [['email', 'REPEATED']]],
      [7, 'REFUSE', null, [['inn', 'INN_CHECKSUM']]],
      [8, 'REFUSE', null, [['email', 'DUPLICATE_CLIENT']]],
      [10, 'REFUSE', null, [['contactName', 'REQUIRED']]],
    ];
    expect(readable(dry)).toEqual(expected);
    expect([dry.dryRun, dry.created, dry.updated, dry.skipped, dry.refused]).toEqual([true, 1, 1, 0, 6]);
    expect(dry.rows[1].client).toEqual({ id: romashka, name: 'Ромашка' });
    expect(dry.rows[0].client).toEqual({ id: null, name: 'Василёк' });
    expect(dry.rows[4].problems[0]).toMatchObject({ message: 'row 2 of the file has the same email', params: { line: 2 } });
    expect(dry.rows[6].problems[0]).toMatchObject({ params: { name: 'Чужой', owner: 'Борис' } });
    // and nothing was written
    expect((await head.Counterparties({ filter: { q: 'Василёк' } })).counterparties.total).toBe(0);
    expect((await manager.Counterparty({ id: romashka })).counterparty).toMatchObject({ phone: null, tags: ['опт'] });

    // when they import it for real
    const { importClients: done } = await manager.ImportClients({ input: { ...input, dryRun: false } });

    // then the report is the dry run's, the new client now with its id
    expect(readable(done)).toEqual(expected);
    expect([done.dryRun, done.created, done.updated, done.refused]).toEqual([false, 1, 1, 6]);
    const vasilekId = done.rows[0].client!.id!;
    const { counterparty: vasilek } = await manager.Counterparty({ id: vasilekId });
    expect(vasilek).toMatchObject({ name: 'Василёк', inn: VASILEK_INN, kind: 'COMPANY', status: 'LEAD', phone: '8 (912) 345-67-80', email: 'info@vasilek.ru', tags: ['VIP', 'опт'], owner: { email: demoEmail(Role.SALES_MANAGER) } });
    const { counterparty: profile } = await manager.ClientProfile({ id: vasilekId });
    expect(profile!.contacts!.map((c) => [c.name, c.channels.map((ch) => [ch.type, ch.value, ch.primary])])).toEqual([['Анна Смирнова', [['PHONE', '+79123456781', true]]]]);
    // and Ромашка took the phone and the tag, keeping its own
    expect((await manager.Counterparty({ id: romashka })).counterparty).toMatchObject({ phone: '+7 495 123-45-67', tags: ['опт', 'новый'] });
    // and a second import of the same file finds them all
    const { importClients: again } = await manager.ImportClients({ input: { ...input, onDuplicate: 'SKIP', dryRun: true } });
    expect(again.rows.slice(0, 2).map((r) => [r.row, r.action, r.client?.id])).toEqual([[2, 'SKIP', vasilekId], [3, 'SKIP', romashka]]);
  });

  it('imports a CSV (semicolons, leading zeros kept), skips a client we have and names owners by email for a head of sales', async () => {
    // given a head's CSV: a new client for the demo manager, Ромашка again, a client with an INN starting with 0 as a person
    const personInn = completeInn('0100000001');
    const file = await csv([
      ['Название', 'ИНН', 'Email', 'Менеджер', 'Статус', 'Заметки'],
      ['Одуванчик', ODUVANCHIK_INN, 'odu@example.ru', demoEmail(Role.SALES_MANAGER), 'prospect', 'с выставки'],
      ['Ромашка', ROMASHKA_INN, '', '', '', ''],
      ['ИП Клевер', personInn, '', '', 'LOST', ''],
      ['ИП Клевер', personInn, '', '', '', ''],
      ['Без хозяина', '', '', 'nobody@example.ru', '', ''],
    ]);
    const mapping = [
      { column: 1, field: 'NAME' as const },
      { column: 2, field: 'INN' as const },
      { column: 3, field: 'EMAIL' as const },
      { column: 4, field: 'OWNER' as const },
      { column: 5, field: 'STATUS' as const },
      { column: 6, field: 'NOTES' as const },
    ];

    // when the head imports it, skipping duplicates
    const { importClients: report } = await head.ImportClients({ input: { file, fileName: 'clients.csv', mapping, onDuplicate: 'SKIP', dryRun: false } });

    // then: created, skipped (naming Ромашка, on the INN), LOST refused (no reason column), the second Клевер created, an unknown owner refused
    expect(readable(report)).toEqual([
      [2, 'CREATE', 'Одуванчик', []],
      [3, 'SKIP', 'Ромашка', [['inn', 'DUPLICATE_CLIENT']]],
      [4, 'REFUSE', null, [['status', 'NOT_ONE_OF']]],
      [5, 'CREATE', 'ИП Клевер', []],
      [6, 'REFUSE', null, [['owner', 'NOT_FOUND']]],
    ]);
    expect(report.rows[1].client!.id).toBe(romashka);
    const { counterparty: odu } = await head.Counterparty({ id: report.rows[0].client!.id! });
    expect(odu).toMatchObject({ status: 'PROSPECT', owner: { email: demoEmail(Role.SALES_MANAGER) } });
    expect((await manager.ClientProfile({ id: odu!.id })).counterparty!.notes!.map((n) => [n.text, n.author.name])).toEqual([['с выставки', (await head.Me()).me.name]]);
    const { counterparty: klever } = await head.Counterparty({ id: report.rows[3].client!.id! });
    expect(klever).toMatchObject({ inn: personInn, kind: 'PERSON', owner: { email: demoEmail(Role.SALES_HEAD) } });
  });

  it('refuses a mapping without a name, a file too large or with too many rows, and the import to whoever may not', async () => {
    const file = await csv([['Name'], ['Один']]);
    const noName = await errorOf(manager.ImportClients({ input: { file, format: 'CSV', mapping: [{ column: 1, field: 'INN' }], dryRun: true, onDuplicate: 'SKIP' } }));
    expect(noName).toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ field: 'mapping', reason: 'REQUIRED' }] } });
    const outside = await errorOf(manager.ImportClients({ input: { file, format: 'CSV', mapping: [{ column: 1, field: 'NAME' }, { column: 2, field: 'INN' }], dryRun: true, onDuplicate: 'SKIP' } }));
    expect(outside.details).toMatchObject({ fieldErrors: [{ field: 'mapping.1.column', reason: 'BETWEEN', params: { min: 1, max: 1 } }] });

    const many = await csv([['Name'], ...Array.from({ length: 10_001 }, (_, i) => [`Клиент ${i + 1}`])]);
    const tooMany = await errorOf(manager.ClientImportPreview({ input: { file: many, format: 'CSV' } }));
    expect(tooMany).toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ field: 'file', reason: 'TOO_MANY_ROWS', params: { max: 10000 } }] } });
    const notAFile = await errorOf(manager.ClientImportPreview({ input: { file: 'not base64 at all!', format: 'XLSX' } }));
    expect(notAFile.details).toMatchObject({ fieldErrors: [{ field: 'file', reason: 'FORMAT' }] });
    const noFormat = await errorOf(manager.ClientImportPreview({ input: { file, fileName: 'clients.pdf' } }));
    expect(noFormat.details).toMatchObject({ fieldErrors: [{ field: 'format', reason: 'REQUIRED' }] });

    const marketing = await app.as(Role.MARKETING);
    expect((await errorOf(marketing.ClientImportPreview({ input: { file, format: 'CSV' } }))).code).toBe('FORBIDDEN');
  });

  it('takes a file larger than BODY_LIMIT from whoever may import, up to 5 MB on `file`; nobody else may send such a body', async () => {
    // given a CSV of 2,000 clients with long notes: 1.6 MB, 2.2 MB as base64, over the 1 MB BODY_LIMIT
    const notes = 'н'.repeat(400); // 800 bytes in UTF-8
    const big = await csv([['Name', 'Notes'], ...Array.from({ length: 2000 }, (_, i) => [`Клиент ${i + 1}`, notes])]);
    expect(big.length).toBeGreaterThan(2 * 1024 * 1024);

    // a manager (client:import) has it read: the columns and the first rows
    const { clientImportPreview: preview } = await manager.ClientImportPreview({ input: { file: big, format: 'CSV' } });
    expect(preview.columns.map((c) => c.header)).toEqual(['Name', 'Notes']);
    expect(preview.totalRows).toBe(2000);

    // a file one byte over 5 MB fits the 8 MB upload body but is refused on `file`, with the most taken
    const tooLarge = Buffer.alloc(5 * 1024 * 1024 + 1, 'a').toString('base64');
    expect((await errorOf(manager.ClientImportPreview({ input: { file: tooLarge, format: 'CSV' } }))).details).toMatchObject({
      fieldErrors: [{ field: 'file', reason: 'TOO_LARGE', params: { max: 5 * 1024 * 1024 } }],
    });

    // marketing may not import: the same 2.2 MB body is refused by its size before anything runs, as any other request over BODY_LIMIT
    const body = { query: 'query($input: ClientSheetInput!){ clientImportPreview(input: $input){ totalRows } }', variables: { input: { file: big, format: 'CSV' } } };
    const { token: marketingToken } = await app.login(demoEmail(Role.MARKETING));
    const refused = await rawRequest(app.graphqlUrl, body, { authorization: `Bearer ${marketingToken}` });
    expect([refused.status, refused.json?.errors?.[0]?.message]).toEqual([413, 'The request body exceeds 1mb']);
    expect((await rawRequest(app.graphqlUrl, body)).status).toBe(413);
    // and past UPLOAD_BODY_LIMIT (8 MB) not even an importer's body is read
    const { token: managerToken } = await app.login(demoEmail(Role.SALES_MANAGER));
    const huge = await rawRequest(app.graphqlUrl, { ...body, variables: { input: { file: 'A'.repeat(9 * 1024 * 1024), format: 'CSV' } } }, { authorization: `Bearer ${managerToken}` });
    expect([huge.status, huge.json?.errors?.[0]?.message]).toEqual([413, 'The request body exceeds 8mb']);
  });

  it('exports the clients list of a filter to XLSX, each caller only what they see', async () => {
    const read = async (client: TradebookClient, filter = {}) => {
      const { exportClients: exported } = await client.ExportClients({ filter });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(exported.content, 'base64') as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return { exported, rows };
    };
    // when the manager exports their VIP clients
    const { exported, rows } = await read(manager, { tag: 'vip' });
    const today = new Date().toISOString().slice(0, 10);
    const managerName = (await manager.Me()).me.name;
    expect(exported).toMatchObject({ contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', rows: 1, fileName: expect.stringMatching(/^clients-\d{4}-\d{2}-\d{2}\.xlsx$/) });
    expect(rows).toEqual([
      ['Name', 'INN', 'Status', 'Region', 'Segment', 'Owner', 'Tags', 'Phone', 'Email', 'Created'],
      ['Василёк', VASILEK_INN, 'LEAD', 'Москва', '', managerName, 'VIP, опт', '+79123456780', 'info@vasilek.ru', today],
    ].map((row) => row.map((cell) => (cell === '' ? undefined : cell))));

    // and without a filter: their own clients only, by name; the head sees Boris's too
    const names = (r: unknown[][]) => r.slice(1).map((row) => row[0]);
    expect(names((await read(manager)).rows)).toEqual(['Василёк', 'Дилер Восток', 'Одуванчик', 'Оптовик', 'Розница', 'Ромашка']);
    expect(names((await read(head)).rows)).toContain('Чужой');
    expect(names((await read(boris)).rows)).toEqual(['Чужой']);
  });

  it('merges a duplicate into the kept client: its order, act, payment, contact, activity and deal move, the balance is the sum, the duplicate is gone', async () => {
    // given the kept client with an act of 1000.00 in February, and its duplicate with an act of 500.00 and a payment of 200.00 in March,
    // a draft order and a contact person
    const audit = await world.product('AUDIT', '1.00', '1.00', { kind: 'SERVICE', vatRate: '0' });
    const goods = await world.product('GOODS', '10.00', '9.00');
    const act = async (clientId: string, date: string, amount: string) => {
      const draft = (await manager.CreateServiceAct({ input: { date, clientId, lines: [{ productId: audit, quantity: '1', price: amount, vatRate: '0' }] } })).createServiceAct;
      await manager.PostServiceAct({ id: draft.id });
    };
    const kept = (await manager.CreateCounterparty({ input: { name: 'Лютик', tags: ['опт'] } })).createCounterparty.id;
    const dup = (await boris.CreateCounterparty({ input: { name: 'Лютик (дубль)', phone: '+7 912 000-11-22', tags: ['vip'], allowDuplicate: true } })).createCounterparty.id;
    await act(kept, '2026-02-01', '1000');
    await boris.CreateServiceAct({ input: { date: '2026-03-01', clientId: dup, lines: [{ productId: audit, quantity: '1', price: '500', vatRate: '0' }] } }).then((r) => boris.PostServiceAct({ id: r.createServiceAct.id }));
    await boris.RegisterPayment({ input: { date: '2026-03-05', clientId: dup, amount: '200', method: 'BANK' } });
    const order = (await boris.CreateOrder({ input: { clientId: dup, date: '2026-03-01', warehouseId: world.w1, lines: [{ productId: goods, quantity: '1' }] } })).createOrder.id;
    await boris.CreateContact({ input: { counterpartyId: dup, name: 'Пётр', channels: [{ type: 'EMAIL', value: 'petr@lutik.ru' }] } });
    await boris.AddClientNote({ counterpartyId: dup, text: 'звонил' });
    const call = (await boris.CreateActivity({ input: { type: 'CALL', subject: 'Перезвонить', clientId: dup, dueAt: new Date(Date.now() + 86_400_000).toISOString() } })).createActivity.id;
    const deal = (await boris.CreateDeal({ input: { clientId: dup, title: 'Поставка', amount: '100000' } })).createDeal.id;
    expect((await head.ClientBalance({ clientId: dup })).clientBalance!.balance).toBe('300.00');

    // a manager may not merge, nor anyone a client into itself, nor a client out of their sight
    expect((await errorOf(manager.MergeClients({ keepId: kept, mergeId: dup }))).code).toBe('FORBIDDEN');
    expect(await errorOf(head.MergeClients({ keepId: kept, mergeId: kept }))).toMatchObject({ code: 'BAD_USER_INPUT', details: { fieldErrors: [{ field: 'mergeId', reason: 'INVALID' }] } });
    expect((await errorOf(head.MergeClients({ keepId: kept, mergeId: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');

    // nor while the duplicate's books lie in a closed period (its act of 2026-03-01)
    await admin.ClosePeriod({ through: '2026-03-01' });
    expect(await errorOf(head.MergeClients({ keepId: kept, mergeId: dup }))).toMatchObject({ code: 'PERIOD_CLOSED', details: { closedThrough: '2026-03-01', date: '2026-03-01' } });
    await admin.ClosePeriod({ through: '2026-02-28' });

    // when the head merges the duplicate into the kept client (the kept client's February is closed: only it has rows there)
    const { mergeClients: result } = await head.MergeClients({ keepId: kept, mergeId: dup });

    // then the kept client owes 1000 + 500 − 200 = 1300.00, with the duplicate's act open
    expect(result.client).toMatchObject({ id: kept, name: 'Лютик', tags: ['опт', 'vip'] });
    expect(Object.fromEntries(result.moved.map((m) => [m.table, m.rows]))).toMatchObject({
      'customer_order.client_id': 1,
      'service_act.client_id': 1,
      'incoming_payment.client_id': 1,
      'contact_person.counterparty_id': 1,
      'client_note.counterparty_id': 1,
      'client_balance.client_id': 1,
      'client_settlement_month_total.client_id': 1,
      'activity.client_id': 1,
      'deal.client_id': 1,
    });
    expect((await head.ClientBalance({ clientId: kept })).clientBalance!).toMatchObject({ balance: '1300.00', receivable: '1300.00', advances: '0.00' });
    expect((await head.OpenItems({ clientId: kept, asOf: '2026-03-31' })).openItems!.map((i) => [i.date, i.open])).toEqual([['2026-02-01', '1000.00'], ['2026-03-01', '300.00']]);
    // and the balance as of the end of February is still the kept client's own
    expect((await head.OpenItems({ clientId: kept, asOf: '2026-02-28' })).openItems!.map((i) => i.open)).toEqual(['1000.00']);
    // and the order, the contact and the note are the kept client's; Boris, who had the duplicate, joined its team
    expect((await head.Order({ id: order })).order!.client.id).toBe(kept);
    expect((await head.Activity({ id: call })).activity?.client.id).toBe(kept);
    expect((await head.Deal({ id: deal })).deal?.client.id).toBe(kept);
    const { counterparty: profile } = await head.ClientProfile({ id: kept });
    expect(profile!.contacts!.map((c) => c.name)).toEqual(['Пётр']);
    expect(profile!.notes!.map((n) => n.text)).toEqual(['звонил']);
    expect((await boris.Counterparty({ id: kept })).counterparty?.phone).toBe('+7 912 000-11-22');
    // and the duplicate is gone, the audit log saying into which client it went
    expect((await head.Counterparty({ id: dup })).counterparty).toBeNull();
    const { auditEntries } = await admin.AuditEntries({ filter: { entity: 'Counterparty', entityId: kept } });
    expect(auditEntries.items.find((e) => 'mergedFrom' in e.changes)?.changes).toMatchObject({ mergedFrom: { before: { id: dup, name: 'Лютик (дубль)' } }, moved: { after: { 'service_act.client_id': 1 } } });
    const deleted = await admin.AuditEntries({ filter: { entity: 'Counterparty', entityId: dup, action: 'DELETE' } });
    expect(deleted.auditEntries.total).toBe(1);
    await assertLedgerInvariants(app.orm);
  });
});
