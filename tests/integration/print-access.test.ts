import type { TradebookClient } from '@tradebook/client';
import { demoEmail, errorOf, Role, type TestApp } from '../support/harness';
import { fetchPrint, pdfPages } from '../support/pdf-text';
import { startStockWorld } from '../support/stock-world';

// Who may print what: the same access as the API, by bearer token or by a signed link.
describe('printing access and company details', () => {
  let app: TestApp;
  let admin: TradebookClient;
  let adminToken: string;
  let receipt: { id: string; number: string };

  beforeAll(async () => {
    let pcs: string, supplier: string, w1: string;
    ({ app, admin, pcs, supplier, w1 } = await startStockWorld());
    adminToken = (await app.login(demoEmail(Role.ADMIN))).token;
    const product = (await admin.CreateProduct({ input: { sku: 'A-1', name: 'Товар А', unitId: pcs, kind: 'GOODS' } })).createProduct.id;
    receipt = (await admin.CreateGoodsReceipt({ input: { date: '2026-03-10', warehouseId: w1, supplierId: supplier, lines: [{ productId: product, quantity: '1', unitCost: '10' }] } })).createGoodsReceipt;
  });
  afterAll(() => app.close());

  const url = (path: string) => `${app.url}${path}`;

  it('without a token is 401; a partner, or a document that is not there, is 404; a malformed id or an unknown form 400', async () => {
    // given a partner signed in
    const partner = await app.login(demoEmail(Role.PARTNER));

    // then
    const anonymous = await fetchPrint(url(`/print/goods-receipt/${receipt.id}.pdf`));
    expect([anonymous.status, (anonymous.json() as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect((await fetchPrint(url(`/print/goods-receipt/${receipt.id}.pdf`), partner.token)).status).toBe(404);
    expect((await fetchPrint(url('/print/goods-receipt/7f0c6c7e-3b8a-4d2c-9a51-1d2f3e4a5b6c.pdf'), adminToken)).status).toBe(404);
    expect((await fetchPrint(url(`/print/no-such-type/${receipt.id}.pdf`), adminToken)).status).toBe(404);
    expect((await fetchPrint(url('/print/goods-receipt/not-a-uuid.pdf'), adminToken)).status).toBe(400);
    expect((await fetchPrint(url('/print/goods-receipt/%E0%A4%A.pdf'), adminToken)).status).toBe(404);
    const unknownForm = await fetchPrint(url(`/print/goods-receipt/${receipt.id}.pdf?form=torg-99`), adminToken);
    expect(unknownForm.status).toBe(400);
    expect(unknownForm.type).toBe('application/json; charset=utf-8');
    expect((unknownForm.json() as { errors: { extensions: { code: string; fields: Record<string, string> } }[] }).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { form: 'goods-receipt prints as receipt-note' } });
    expect((await fetchPrint(url(`/print/goods-receipt/${receipt.id}.xlsx`), adminToken)).status).toBe(400);
    expect((await fetchPrint(url(`/print/goods-receipt/${receipt.id}.pdf?lang=de`), adminToken)).status).toBe(400);
  });

  it('a signed link opens its one file without a token; a changed or forged one is 403', async () => {
    // when the admin asks for a link
    const { printLink } = await admin.PrintLink({ documentType: 'goods-receipt', id: receipt.id, lang: 'en' });
    expect(printLink.url).toMatch(new RegExp(`^/print/goods-receipt/${receipt.id}\\.pdf\\?form=receipt-note&lang=en&token=`));
    expect(new Date(printLink.expiresAt).getTime() - Date.now()).toBeGreaterThan(290_000);

    // then it opens without a bearer token
    const opened = await fetchPrint(url(printLink.url));
    expect([opened.status, opened.disposition]).toEqual([200, `inline; filename="${receipt.number}.pdf"`]);
    expect((await pdfPages(opened.body))[0]).toContain(`Goods receipt note No. ${receipt.number}`);

    // and not for another language, nor with its signature changed
    expect((await fetchPrint(url(printLink.url.replace('lang=en', 'lang=ru')))).status).toBe(403);
    expect((await fetchPrint(url(printLink.url.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))))).status).toBe(403);
    expect((await fetchPrint(url(`/print/goods-receipt/${receipt.id}.pdf?token=forged.token`))).status).toBe(403);
  });

  it('printLink refuses an unknown form on its field, and a type the caller may not print as NOT_FOUND', async () => {
    const unknown = await errorOf(admin.PrintLink({ documentType: 'goods-receipt', id: receipt.id, form: 'torg-99' }));
    expect([unknown.code, Object.keys(unknown.fields)]).toEqual(['BAD_USER_INPUT', ['form']]);
    const partner = await app.as(Role.PARTNER);
    expect((await errorOf(partner.PrintLink({ documentType: 'goods-receipt', id: receipt.id }))).code).toBe('NOT_FOUND');
    // and printForms lists what each may print: the partner its price list, and its orders, shipments, returns, acts, invoices and
    // its own reconciliation statement (their record rules narrow which)
    expect((await partner.PrintForms()).printForms.map((f) => `${f.documentType}/${f.form}`)).toEqual([
      'price-type/price-list', 'order/invoice', 'shipment/torg-12', 'shipment/upd-1', 'shipment/upd-2', 'shipment/packing-list', 'shipment/invoice', 'shipment/shipping-set',
      'customer-return/return-note', 'service-act/act', 'invoice/invoice', 'client/reconciliation',
    ]);
  });

  it('company details are checked per field, versioned, read by staff and changed by an accountant or admin only', async () => {
    // when wrong identifiers are sent
    const refused = await errorOf(admin.UpdateCompanyDetails({ input: { version: 1, inn: '7712345670', bik: '04452522', account: '4070281093800000000', ogrn: '1027700000009', logo: 'data:image/gif;base64,R0lGODlh' } }));
    // then each is refused on its field
    expect(refused.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(refused.fields).sort()).toEqual(['account', 'bik', 'inn', 'logo', 'ogrn']);

    // when good ones are sent, then they are kept and the version goes up
    const { updateCompanyDetails: saved } = await admin.UpdateCompanyDetails({ input: { version: 1, legalName: 'ООО «Ромашка»', inn: '7712345671', kpp: '771201001' } });
    expect([saved.version, saved.legalName, saved.inn, saved.kpp, saved.bik, saved.updatedBy?.name]).toEqual([2, 'ООО «Ромашка»', '7712345671', '771201001', null, expect.any(String)]);
    // and a stale version is a CONFLICT
    expect((await errorOf(admin.UpdateCompanyDetails({ input: { version: 1, director: 'Кто-то' } }))).code).toBe('CONFLICT');

    // and the warehouse reads them but may not change them; a partner may not read them
    const warehouse = await app.as(Role.WAREHOUSE);
    expect((await warehouse.CompanyDetails()).companyDetails.legalName).toBe('ООО «Ромашка»');
    expect((await errorOf(warehouse.UpdateCompanyDetails({ input: { version: 2, director: 'Кто-то' } }))).code).toBe('FORBIDDEN');
    expect((await errorOf((await app.as(Role.PARTNER)).CompanyDetails())).code).toBe('FORBIDDEN');
    // and images: a PNG that is no image is refused; a real one is kept and printed on the forms
    const broken = await errorOf(admin.UpdateCompanyDetails({ input: { version: 2, stamp: 'data:image/png;base64,iVBORw0KGgoAAAAAAAAAAAAAAAAAAAAA' } }));
    expect([broken.code, broken.fields]).toEqual(['BAD_USER_INPUT', { stamp: 'cannot be read as an image' }]);
    const pixel = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    await admin.UpdateCompanyDetails({ input: { version: 2, logo: pixel, stamp: pixel, directorSignature: pixel, chiefAccountantSignature: pixel } });
    expect((await fetchPrint(url(`/print/goods-receipt/${receipt.id}.pdf`), adminToken)).status).toBe(200);

    const accountant = await app.as(Role.ACCOUNTANT);
    expect((await accountant.UpdateCompanyDetails({ input: { version: 3, director: 'Иванов И. И.' } })).updateCompanyDetails.director).toBe('Иванов И. И.');
  });
});
