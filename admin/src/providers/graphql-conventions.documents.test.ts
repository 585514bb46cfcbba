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
  it.each(['GoodsReceipt', 'StockTransfer', 'WriteOff'])('finds every react-admin call of %s under its DESIGN §7 name', (type) => {
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
});
