import { buildSchema, introspectionFromSchema, print, type IntrospectionObjectType, type IntrospectionType } from 'graphql';
import { buildOperation, flattenRecord, operationNames } from './graphql-conventions';

// jest runs this in Node, but the console's project compiles without Node's types
declare const require: (id: 'node:fs') => { readFileSync(path: string, encoding: 'utf8'): string };
declare const __dirname: string;

// the committed schema, as the console's data provider reads it
const schema = introspectionFromSchema(buildSchema(require('node:fs').readFileSync(`${__dirname}/../../../schema/schema.graphql`, 'utf8'))).__schema;
const lookup = (name: string) => schema.types.find((t) => t.name === name) as IntrospectionType | undefined;
const objectType = (name: string) => lookup(name) as IntrospectionObjectType;
const operation = (root: 'Query' | 'Mutation', name: string) => objectType(root).fields.find((f) => f.name === name) as never;
const flat = (doc: Parameters<typeof print>[0]) => print(doc).replace(/\s+/g, ' ');

/** The sub-selection of `field` in a printed query: "movements { … }" → "…". */
function selectionOf(text: string, field: string): string {
  const start = text.indexOf(`${field} {`) + field.length + 2;
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start, i).trim();
  }
  throw new Error(`no ${field} in ${text}`);
}
const fieldsOf = (selection: string) => selection.replace(/\{[^}]*\}/g, '').split(' ').filter(Boolean);

describe('the data provider on the stock documents of the committed schema', () => {
  it.each(['GoodsReceipt', 'StockTransfer', 'WriteOff', 'StockCount', 'LandedCost'])('finds every react-admin call of %s under its DESIGN §7 name', (type) => {
    const names = Object.entries(operationNames).map(([fetchType, name]) => [fetchType, name({ name: type })]);
    const missing = names.filter(([fetchType, name]) => !objectType(fetchType.startsWith('GET') ? 'Query' : 'Mutation').fields.some((f) => f.name === name));
    expect(missing).toEqual([]);
  });

  it('reads a transfer with both warehouses by name, its lines and the movements it made in each warehouse', () => {
    const { query } = buildOperation('GET_ONE', objectType('StockTransfer'), operation('Query', 'stockTransfer'), { id: 't1' }, lookup);
    const text = flat(query);
    expect(fieldsOf(selectionOf(text, 'fromWarehouse'))).toEqual(expect.arrayContaining(['id', 'code', 'name']));
    expect(fieldsOf(selectionOf(text, 'toWarehouse'))).toEqual(expect.arrayContaining(['id', 'code', 'name']));
    expect(selectionOf(text, 'lines')).toContain('product { id }');
    expect(fieldsOf(selectionOf(text, 'lines'))).toEqual(expect.arrayContaining(['id', 'lineNo', 'product', 'quantity']));
    // a movement's warehouse and product come as ids, for the show view's reference fields
    expect(selectionOf(text, 'movements')).toMatch(/product \{ id \}.*warehouse \{ id \}/);
    expect(fieldsOf(selectionOf(text, 'movements'))).toEqual(expect.arrayContaining(['id', 'recorderLine', 'date', 'quantity', 'cost']));
  });

  it('lists transfers without their lines and movements, filtered by warehouse, status, dates and number', () => {
    const params = { filter: { q: 'TR-2026', warehouseId: 'w1', status: 'POSTED', dateFrom: '2026-01-01', dateTo: '2026-01-31', reason: 'DAMAGE' }, sort: { field: 'date', order: 'DESC' }, pagination: { page: 1, perPage: 25 } };
    const { query, variables } = buildOperation('GET_LIST', objectType('StockTransfer'), operation('Query', 'stockTransfers'), params, lookup);
    expect(flat(query)).not.toMatch(/lines|movements/);
    expect(variables).toEqual({ filter: { q: 'TR-2026', warehouseId: 'w1', status: 'POSTED', dateFrom: '2026-01-01', dateTo: '2026-01-31' }, sort: [{ field: 'date', order: 'DESC' }], page: 1, perPage: 25 });
  });

  it('creates a transfer from its form: both warehouse ids and lines of product id and quantity only', () => {
    const data = { date: '2026-02-03', fromWarehouseId: 'w1', toWarehouseId: 'w2', comment: '', lines: [{ productId: 'p1', quantity: '8', product: { id: 'p1' }, lineNo: 1 }] };
    const { variables } = buildOperation('CREATE', objectType('StockTransfer'), operation('Mutation', 'createStockTransfer'), { data }, lookup);
    expect(variables).toEqual({ input: { date: '2026-02-03', fromWarehouseId: 'w1', toWarehouseId: 'w2', comment: null, lines: [{ productId: 'p1', quantity: '8' }] } });
  });

  it('updates a write-off loaded through the provider with what changed and the version it was loaded with', () => {
    const previousData = flattenRecord({ id: 'wo1', version: 4, reason: 'DAMAGE', warehouse: { id: 'w1', name: 'Main' }, lines: [{ id: 'l1', product: { id: 'p1' }, quantity: '2' }] })!;
    const data = { ...previousData, reason: 'EXPIRY', lines: [...previousData.lines, { productId: 'p2', quantity: '1.5' }] };
    const { variables } = buildOperation('UPDATE', objectType('WriteOff'), operation('Mutation', 'updateWriteOff'), { id: 'wo1', data, previousData }, lookup);
    expect(variables).toEqual({ id: 'wo1', input: { version: 4, reason: 'EXPIRY', lines: [{ productId: 'p1', quantity: '2' }, { productId: 'p2', quantity: '1.5' }] } });
  });

  it('creates a count from its form: warehouse, group and prefill, and counted lines of product id and counted quantity only', () => {
    const data = { date: '2026-03-31', warehouseId: 'w1', groupId: 'g1', prefill: true, comment: '', lines: [{ productId: 'p9', countedQuantity: '3', bookQuantity: '0', difference: '3' }] };
    const { variables } = buildOperation('CREATE', objectType('StockCount'), operation('Mutation', 'createStockCount'), { data }, lookup);
    expect(variables).toEqual({ input: { date: '2026-03-31', warehouseId: 'w1', groupId: 'g1', prefill: true, comment: null, lines: [{ productId: 'p9', countedQuantity: '3' }] } });
  });

  it('updates a prefilled count where one counted quantity was typed with every line, each as product id and counted quantity', () => {
    const previousData = flattenRecord({
      id: 'sc1', version: 2, warehouse: { id: 'w1' },
      lines: [
        { id: 'l1', lineNo: 1, product: { id: 'p1' }, bookQuantity: '10', countedQuantity: '10', difference: '0', differenceCost: null },
        { id: 'l2', lineNo: 2, product: { id: 'p2' }, bookQuantity: '4', countedQuantity: '4', difference: '0', differenceCost: null },
        { id: 'l3', lineNo: 3, product: { id: 'p3' }, bookQuantity: '7.5', countedQuantity: '7.5', difference: '0', differenceCost: null },
      ],
    })!;
    const data = { ...previousData, lines: previousData.lines.map((line: Record<string, unknown>) => (line.id === 'l2' ? { ...line, countedQuantity: '3' } : line)) };
    const { variables } = buildOperation('UPDATE', objectType('StockCount'), operation('Mutation', 'updateStockCount'), { id: 'sc1', data, previousData }, lookup);
    // the API replaces all lines with those sent: the untouched ones go too, or they would be lost
    expect(variables).toEqual({ id: 'sc1', input: { version: 2, lines: [{ productId: 'p1', countedQuantity: '10' }, { productId: 'p2', countedQuantity: '3' }, { productId: 'p3', countedQuantity: '7.5' }] } });
  });

  it('reads a landed cost with each line\'s receipt line (its number, quantity, amount and product) and the adjustments it made', () => {
    const { query } = buildOperation('GET_ONE', objectType('LandedCost'), operation('Query', 'landedCost'), { id: 'lc1' }, lookup);
    const text = flat(query);
    const lines = selectionOf(text, 'lines');
    expect(fieldsOf(lines)).toEqual(expect.arrayContaining(['id', 'lineNo', 'weight', 'manualAmount', 'allocated', 'goodsReceipt', 'goodsReceiptLine']));
    expect(lines).toContain('goodsReceipt { id }');
    expect(fieldsOf(selectionOf(lines, 'goodsReceiptLine'))).toEqual(expect.arrayContaining(['id', 'lineNo', 'quantity', 'amount', 'product']));
    expect(selectionOf(lines, 'goodsReceiptLine')).toContain('product { id }');
    expect(fieldsOf(selectionOf(text, 'adjustments'))).toEqual(expect.arrayContaining(['kind', 'quantity', 'amount', 'targetNumber', 'unitCostDelta', 'warehouse', 'product']));
  });

  it('still reads only the ids below a related record that the API reads by itself (a base price list\'s lines and price rows)', () => {
    const { query } = buildOperation('GET_ONE', objectType('PriceList'), operation('Query', 'priceList'), { id: 'pl1' }, lookup);
    const base = selectionOf(flat(query), 'basePriceList');
    expect([selectionOf(base, 'lines'), selectionOf(base, 'records')]).toEqual(['id', 'id']);
  });

  it('creates a landed cost from whole receipts and single lines: the receipt a line was picked from stays in the form', () => {
    const data = {
      date: '2026-02-10', supplierId: 's1', description: 'Freight', amount: '220', vatRate: '22', method: 'MANUAL', comment: '',
      goodsReceiptIds: ['gr1', 'gr2'], lines: [{ goodsReceiptId: 'gr3', goodsReceiptLineId: 'grl7', weight: '', manualAmount: '20' }],
    };
    const { variables } = buildOperation('CREATE', objectType('LandedCost'), operation('Mutation', 'createLandedCost'), { data }, lookup);
    expect(variables).toEqual({
      input: {
        date: '2026-02-10', supplierId: 's1', description: 'Freight', amount: '220', vatRate: '22', method: 'MANUAL', comment: null,
        goodsReceiptIds: ['gr1', 'gr2'], lines: [{ goodsReceiptLineId: 'grl7', weight: null, manualAmount: '20' }],
      },
    });
  });

  describe('updating a landed cost, whose lines the API rebuilds from the lines and receipts sent', () => {
    const previousData = flattenRecord({
      id: 'lc1', version: 5, description: 'Freight', method: 'WEIGHT', supplier: { id: 's1', name: 'Carrier' },
      lines: [{ id: 'l1', lineNo: 1, weight: '12', manualAmount: null, allocated: '220', goodsReceipt: { id: 'gr1' }, goodsReceiptLine: { id: 'grl1', lineNo: 1, quantity: '10', amount: '1000', product: { id: 'p1' } } }],
    })!;
    const update = (data: Record<string, unknown>) => buildOperation('UPDATE', objectType('LandedCost'), operation('Mutation', 'updateLandedCost'), { id: 'lc1', data, previousData }, lookup).variables;

    it('sends the lines it has beside a receipt added whole, so they are kept', () => {
      expect(update({ ...previousData, goodsReceiptIds: ['gr2'] })).toEqual({ id: 'lc1', input: { version: 5, goodsReceiptIds: ['gr2'], lines: [{ goodsReceiptLineId: 'grl1', weight: '12', manualAmount: null }] } });
    });

    it('sends neither lines nor an emptied receipt list when only the head changed', () => {
      expect(update({ ...previousData, description: 'Freight and insurance', goodsReceiptIds: [] })).toEqual({ id: 'lc1', input: { version: 5, description: 'Freight and insurance' } });
    });
  });
});

describe('the data provider and the fields a user may not read', () => {
  it('never asks a warehouse user for a price type\'s base type, which needs priceType:read, yet keeps the rest of the counterparty', () => {
    // given a user for whom PriceType.basePriceType is guarded (fieldPermissions) by a permission they lack
    const canRead = (type: string, field: string) => !(type === 'PriceType' && field === 'basePriceType');

    // when the counterparty list is built for them
    const { query } = buildOperation('GET_LIST', objectType('Counterparty'), operation('Query', 'counterparties'), { pagination: { page: 1, perPage: 10 } }, lookup, canRead);

    // then the price type is there without its base type, and everything else as before
    const text = flat(query);
    expect(selectionOf(text, 'priceType')).not.toContain('basePriceType');
    expect(fieldsOf(selectionOf(text, 'priceType'))).toEqual(expect.arrayContaining(['id', 'code', 'name']));
    expect(fieldsOf(selectionOf(text, 'items'))).toEqual(expect.arrayContaining(['id', 'name', 'inn', 'owner', 'priceType']));
    expect(flat(buildOperation('GET_LIST', objectType('Counterparty'), operation('Query', 'counterparties'), {}, lookup).query)).toContain('basePriceType');
  });
});
