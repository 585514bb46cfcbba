import { errorOf, rawRequest, Role, startTestApp, type TestApp } from '../support/harness';

/**
 * Every refused field comes with a reason a client words in its own language
 * (extensions.fieldErrors: field, reason, params), beside the English extensions.fields
 * clients have always read — whichever layer refused it: a service's rule, a database
 * constraint, class-validator, or a value the schema's types cannot take.
 */
describe('field errors a client can word', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  /** A unit, a product and a price type, file-unique by `tag`. */
  async function seed(tag: string) {
    const admin = await app.as(Role.ADMIN);
    const { createUnit: unit } = await admin.CreateUnit({ input: { code: `fe-${tag}`, name: 'piece' } });
    const { createProduct: product } = await admin.CreateProduct({ input: { sku: `FE-${tag}`, name: 'Hammer', unitId: unit.id } });
    const { createPriceType: type } = await admin.CreatePriceType({ input: { code: `FE-${tag}`, name: `Retail ${tag}`, vatIncluded: true, rounding: 'KOPECK' } });
    return { admin, unit, product, type };
  }

  it('a counterparty with a wrong INN check digit, a KPP of 8 characters and a short BIK gets all three refused at once, each with its reason', async () => {
    // given an administrator
    const admin = await app.as(Role.ADMIN);

    // when they save a company whose INN, KPP and BIK are all wrong
    const error = await errorOf(admin.CreateCounterparty({ input: { name: 'FE Три ошибки', inn: '7707083894', kpp: '77070100', bank: { bik: '04452522' } } }));

    // then one answer names the three fields, in English as before and by reason
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fields).toEqual({ inn: 'check digit does not match; mistyped?', kpp: 'a KPP has 9 characters: 4 digits, 2 digits or capital letters, 3 digits', 'bank.bik': 'a BIK has 9 digits' });
    expect(error.fieldErrors).toEqual([
      { field: 'inn', reason: 'INN_CHECKSUM', params: {}, message: 'check digit does not match; mistyped?' },
      { field: 'kpp', reason: 'KPP_FORMAT', params: {}, message: 'a KPP has 9 characters: 4 digits, 2 digits or capital letters, 3 digits' },
      { field: 'bank.bik', reason: 'DIGITS', params: { length: 9 }, message: 'a BIK has 9 digits' },
    ]);
    expect((await admin.Counterparties({ filter: { q: 'FE Три ошибки' } })).counterparties.total).toBe(0);
  });

  it('letters typed into two line prices and an impossible date are each refused on their field, all in one answer', async () => {
    // given a price type and a product
    const { admin, product, type } = await seed('letters');

    // when a price list is sent with "12,5x" and "abc" as prices and 30 February as its date
    const error = await errorOf(
      admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2026-02-30', lines: [{ productId: product.id, price: '12,5x' }, { productId: product.id, price: 'abc' }] } }),
    );

    // then each value is BAD_USER_INPUT on its field, named as the form names it, with the scalar's reason
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fieldErrors.map(({ field, reason }) => [field, reason]).sort()).toEqual([
      ['date', 'NOT_A_DATE'],
      ['lines.0.price', 'NOT_A_NUMBER'],
      ['lines.1.price', 'NOT_A_NUMBER'],
    ]);
    expect(error.fields['lines.1.price']).toMatch(/^Decimal must be a decimal number/);
    expect(error.status).toBe(400);
  });

  it('a SKU already taken is CONFLICT on the SKU, with the reason TAKEN', async () => {
    // given a product FE-taken
    const { admin, unit } = await seed('taken');

    // when another product is created with the same SKU
    const error = await errorOf(admin.CreateProduct({ input: { sku: 'FE-taken', name: 'Hammer again', unitId: unit.id } }));

    // then the database's refusal names the field and the reason
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual({ sku: 'is already taken' });
    expect(error.fieldErrors).toEqual([{ field: 'sku', reason: 'TAKEN', params: {}, message: 'is already taken' }]);
  });

  it('a name longer than the input allows is refused by class-validator with its limit as a number', async () => {
    // given an administrator
    const admin = await app.as(Role.ADMIN);

    // when a counterparty's name has 201 characters
    const error = await errorOf(admin.CreateCounterparty({ input: { name: 'Ы'.repeat(201) } }));

    // then the limit of 200 comes as a parameter
    expect(error.fieldErrors).toEqual([{ field: 'name', reason: 'TOO_LONG', params: { max: 200 }, message: 'name must be shorter than or equal to 200 characters' }]);
  });

  it('a line price below zero names its line\'s field with a reason, the English still counting lines from 1', async () => {
    // given a price type and a product
    const { admin, product, type } = await seed('negative');

    // when a price list's first line costs -1
    const error = await errorOf(admin.CreatePriceList({ input: { priceTypeId: type.id, date: '2026-03-01', lines: [{ productId: product.id, price: '-1' }] } }));

    // then the field is lines.0.price, the reason NEGATIVE
    expect(error.fieldErrors).toEqual([{ field: 'lines.0.price', reason: 'NEGATIVE', params: {}, message: 'line 1: the price must not be negative' }]);
  });

  it('stock documents refuse their fields by reason: a zero quantity, a service, one warehouse for both ends, a client as supplier, a product counted twice, manual amounts that do not add up', async () => {
    // given a warehouse, a second one, a product, a service, a client and a supplier
    const { admin, unit, product } = await seed('stock');
    const { createWarehouse: store } = await admin.CreateWarehouse({ input: { code: 'FE-W', name: 'FE store' } });
    const { createProduct: service } = await admin.CreateProduct({ input: { sku: 'FE-SERVICE', name: 'Delivery', kind: 'SERVICE', unitId: unit.id } });
    const { createCounterparty: client } = await admin.CreateCounterparty({ input: { name: 'FE Клиент', roles: ['CLIENT'] } });
    const { createCounterparty: supplier } = await admin.CreateCounterparty({ input: { name: 'FE Поставщик', roles: ['SUPPLIER'] } });
    const refused = async (call: Promise<unknown>) => (await errorOf(call)).fieldErrors;

    // then a write-off of nothing, and of a service, says why on each line
    expect(await refused(admin.CreateWriteOff({ input: { date: '2026-03-01', warehouseId: store.id, reason: 'DAMAGE', lines: [{ productId: product.id, quantity: '0' }, { productId: service.id, quantity: '1.2345' }] } }))).toEqual([
      { field: 'lines.0.quantity', reason: 'GREATER_THAN', params: { min: 0 }, message: 'line 1: the quantity must be greater than 0' },
      { field: 'lines.1.productId', reason: 'NOT_GOODS', params: { sku: 'FE-SERVICE', kind: 'SERVICE' }, message: 'line 2: FE-SERVICE is a SERVICE; only GOODS are kept in stock' },
      { field: 'lines.1.quantity', reason: 'DECIMAL_PLACES', params: { places: 3 }, message: 'line 2: the quantity must have at most 3 decimal places' },
    ]);
    // and a transfer into the warehouse it leaves
    expect(await refused(admin.CreateStockTransfer({ input: { date: '2026-03-01', fromWarehouseId: store.id, toWarehouseId: store.id, lines: [{ productId: product.id, quantity: '1' }] } }))).toEqual([
      { field: 'toWarehouseId', reason: 'SAME_WAREHOUSE', params: {}, message: 'must differ from the source warehouse' },
    ]);
    // and a receipt from a client, with a negative cost and a VAT rate that does not exist
    expect(await refused(admin.CreateGoodsReceipt({ input: { date: '2026-03-01', warehouseId: store.id, supplierId: client.id, lines: [{ productId: product.id, quantity: '1', unitCost: '-1', vatRate: '18' }] } }))).toEqual([
      { field: 'supplierId', reason: 'NOT_A_SUPPLIER', params: { name: 'FE Клиент' }, message: 'FE Клиент is not a supplier (give it the SUPPLIER role)' },
      { field: 'lines.0.unitCost', reason: 'NEGATIVE', params: {}, message: 'line 1: the unit cost must not be negative' },
      { field: 'lines.0.vatRate', reason: 'NOT_ONE_OF', params: { values: ['0', '10', '22'] }, message: 'line 1: the VAT rate must be 0, 10 or 22' },
    ]);
    // and a count with the product on two lines
    expect(await refused(admin.CreateStockCount({ input: { date: '2026-03-01', warehouseId: store.id, lines: [{ productId: product.id, countedQuantity: '1' }, { productId: product.id, countedQuantity: '2' }] } }))).toEqual([
      { field: 'lines.1.productId', reason: 'REPEATED', params: { line: 1 }, message: 'line 2: the product is already counted on line 1' },
    ]);
    // and a landed cost of 10 whose one manual amount is 9.99, on a posted receipt
    const { createGoodsReceipt: draft } = await admin.CreateGoodsReceipt({ input: { date: '2026-03-01', warehouseId: store.id, supplierId: supplier.id, lines: [{ productId: product.id, quantity: '2', unitCost: '5' }] } });
    const receipt = (await admin.PostGoodsReceipt({ id: draft.id })).postGoodsReceipt;
    const [line] = await app.orm.em.getConnection().execute<{ id: string }[]>('select id from goods_receipt_line where goods_receipt_id = ?', [receipt.id]);
    expect(
      await refused(
        admin.CreateLandedCost({ input: { date: '2026-03-02', supplierId: supplier.id, description: 'Freight', amount: '10', method: 'MANUAL', lines: [{ goodsReceiptLineId: line.id, manualAmount: '9.99' }] } }),
      ),
    ).toEqual([{ field: 'amount', reason: 'MANUAL_SUM_MISMATCH', params: { sum: '9.99', amount: '10.00' }, message: 'Manual amounts add up to 9.99, not 10.00' }]);
  });

  it('lists every reason a field error may give', async () => {
    const { fieldErrorReasons } = await (await app.as(Role.PARTNER)).FieldErrorReasons();
    expect(fieldErrorReasons).toEqual(expect.arrayContaining(['REQUIRED', 'TAKEN', 'NOT_A_NUMBER', 'INN_CHECKSUM', 'INVALID']));
  });

  it('a client that reads only extensions.fields sees the same words as before', async () => {
    // given a signed-in administrator
    const { token } = await app.login('admin@demo.tradebook');

    // when a counterparty with a letter in its INN is sent over plain HTTP
    const { json } = await rawRequest(app.graphqlUrl, { query: 'mutation($input: CreateCounterpartyInput!) { createCounterparty(input: $input) { id } }', variables: { input: { name: 'FE Буква', inn: '77070838AB' } } }, { authorization: `Bearer ${token}` });

    // then extensions.fields is the map of path to English it always was
    expect(json?.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { inn: 'must contain digits only' } });
  });
});
