import { randomUUID } from 'node:crypto';
import { getNamedType, isInputObjectType, isListType, isNonNullType, isObjectType, type GraphQLArgument, type GraphQLField, type GraphQLInputType } from 'graphql';
import { rawRequest, Role } from '../support/harness';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';
import { committedSchema, rootFields, sampleValue } from '../support/schema-walk';

/*
 * One rule for everything outside a partner's scope (issue 12 §9, DESIGN §7): another
 * client's record is indistinguishable from one that does not exist. Every root query and
 * mutation of the schema that takes the id of a client's record (`id`, `orderId`,
 * `clientId`…, also inside its input) is called by the partner twice — with another
 * client's real ids, and with ids that name nothing — and must answer the same: the same
 * error code, or the same null or empty answer. A field that would leak a record (data for
 * the real id, FORBIDDEN for one but NOT_FOUND for the other) fails here.
 */
describe('a partner asking for another client\'s records gets what a missing record gets, from every query and mutation', () => {
  let world: SalesWorld;
  let token: string;
  /** The other client's records by what an argument calls them (`order`, `client`…). */
  const records = new Map<string, string>();

  beforeAll(async () => {
    world = await startSalesWorld();
    const { admin, manager } = world;
    token = (await world.app.login((await (await world.app.as(Role.PARTNER)).Me()).me.email)).token;
    // given the manager's client "Розница" with a confirmed order of 2 of 10 bolts in stock
    const bolt = await world.product('BOLT', '10.00', '8.00');
    await world.receive(world.w1, bolt, '10', '5');
    const order = (await manager.CreateOrder({ input: { clientId: world.retailClient, date: world.today, warehouseId: world.w1, lines: [{ productId: bolt, quantity: '2' }] } })).createOrder;
    await manager.ConfirmOrder({ id: order.id });
    // and 1 of them shipped (a posted shipment) and 1 of that returned (a posted return)
    const shipment = (await manager.CreateShipmentFromOrder({ input: { orderId: order.id, date: world.today, lines: [{ productId: bolt, quantity: '1' }] } })).createShipmentFromOrder;
    await manager.PostShipment({ id: shipment.id });
    const back = (await manager.CreateCustomerReturn({ input: { shipmentId: shipment.id, date: world.today, reason: 'x', lines: [{ shipmentLineNo: 1, quantity: '1', condition: 'RESALEABLE' }] } })).createCustomerReturn;
    await manager.PostCustomerReturn({ id: back.id });
    // and a posted service act, an invoice of the order and a posted payment
    const service = await world.product('SETUP', '500.00', '400.00', { kind: 'SERVICE' });
    const act = (await manager.CreateServiceAct({ input: { clientId: world.retailClient, date: world.today, vatIncluded: true, lines: [{ productId: service, quantity: '1', price: '500' }] } })).createServiceAct;
    await manager.PostServiceAct({ id: act.id });
    const invoice = (await manager.CreateInvoiceFromOrder({ orderId: order.id })).createInvoiceFromOrder;
    const payment = (await manager.CreateIncomingPayment({ input: { clientId: world.retailClient, date: world.today, amount: '100', method: 'BANK' } })).createIncomingPayment;
    await manager.PostIncomingPayment({ id: payment.id });
    records.set('order', order.id).set('client', world.retailClient).set('counterparty', world.retailClient).set('shipment', shipment.id).set('customerReturn', back.id);
    records.set('serviceAct', act.id).set('invoice', invoice.id).set('incomingPayment', payment.id);
    void admin;
  });
  afterAll(() => world?.app.close());

  /** What an argument of this name refers to, if it names one of the other client's records; `id` is the field's own thing (`confirmOrder(id)` → order). */
  function thingOf(field: GraphQLField<unknown, unknown>, argument: string): string | undefined {
    const name = argument === 'id' ? field.name : argument.replace(/Id$/, '');
    const things = [...records.keys()].sort((a, b) => b.length - a.length);
    return argument === 'id' ? things.find((t) => name.toLowerCase().endsWith(t.toLowerCase())) : things.find((t) => name.toLowerCase() === t.toLowerCase());
  }

  /** A literal for a value, with the other client's ids (`real`) or fresh ids that name nothing; `used` collects what was put in. */
  function literal(field: GraphQLField<unknown, unknown>, name: string, type: GraphQLInputType, real: boolean, used: string[]): string {
    const inner = isNonNullType(type) ? type.ofType : type;
    const named = getNamedType(inner);
    if (named.name === 'ID' && !isListType(inner)) {
      const thing = thingOf(field, name);
      if (thing) used.push(thing);
      return `"${thing && real ? records.get(thing) : thing ? randomUUID() : '00000000-0000-4000-8000-000000000000'}"`;
    }
    if (isInputObjectType(inner)) {
      const parts = Object.values(inner.getFields())
        .filter((f) => (isNonNullType(f.type) && f.defaultValue === undefined) || (getNamedType(f.type).name === 'ID' && !isListType(isNonNullType(f.type) ? f.type.ofType : f.type) && thingOf(field, f.name)))
        .map((f) => `${f.name}: ${literal(field, f.name, f.type, real, used)}`);
      return `{${parts.join(', ')}}`;
    }
    return sampleValue(type);
  }

  /** The call with every argument that is required or names a record, and the things it named. */
  function call(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>, real: boolean): { text: string; used: string[] } {
    const used: string[] = [];
    const wanted = (a: GraphQLArgument) => (isNonNullType(a.type) && a.defaultValue === undefined) || (getNamedType(a.type).name === 'ID' && thingOf(field, a.name));
    const args = field.args.filter(wanted).map((a) => `${a.name}: ${literal(field, a.name, a.type, real, used)}`);
    const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
    return { text: `${kind} { ${field.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`, used };
  }

  /** What a client can tell of an answer: the error code, or whether it got null, nothing or something. */
  async function outcome(query: string): Promise<string> {
    const { json } = await rawRequest(world.app.graphqlUrl, { query }, { authorization: `Bearer ${token}` });
    const code = json?.errors?.[0]?.extensions?.code;
    if (code) return String(code);
    const value = Object.values((json?.data ?? {}) as Record<string, unknown>)[0];
    if (value === null || value === undefined) return 'null';
    if (Array.isArray(value)) return value.length ? 'some' : 'none';
    if (typeof value === 'object' && Array.isArray((value as { items?: unknown[] }).items)) return (value as { items: unknown[] }).items.length ? 'some' : 'none';
    return 'some';
  }

  it('tells its own records from others\' (the outcome read is not blind)', async () => {
    // given the partner's own order for its client "Дилер Восток"
    const partner = await world.app.as(Role.PARTNER);
    const dealer = (await world.admin.Counterparties({ filter: { q: 'Дилер Восток' } })).counterparties.items[0].id;
    const bolt = (await world.admin.Products({ filter: { q: 'BOLT' } })).products.items[0].id;
    const own = (await partner.CreateOrder({ input: { clientId: dealer, date: world.today, warehouseId: world.w1, lines: [{ productId: bolt, quantity: '1' }] } })).createOrder;
    // then its own order reads, another client's does not
    expect(await outcome(`query { order(id: "${own.id}") { __typename } }`)).toBe('some');
    expect(await outcome(`query { order(id: "${records.get('order')}") { __typename } }`)).toBe('null');
  });

  it('answers every such call for another client\'s ids exactly as for ids that name nothing', async () => {
    const schema = committedSchema();
    const checked: string[] = [];
    const leaks: string[] = [];
    for (const { kind, field } of rootFields(schema)) {
      const missing = call(kind, field, false);
      if (!missing.used.length) continue;
      // the missing ids first: a mutation that leaked must not have changed the record before it is asked for it
      const forMissing = await outcome(missing.text);
      const forOther = await outcome(call(kind, field, true).text);
      checked.push(field.name);
      if (forOther !== forMissing) leaks.push(`${field.name}: ${forOther} for another client's record, ${forMissing} for a missing one`);
    }
    expect(leaks).toEqual([]);
    // and the walk reached the calls that matter (it cannot pass by checking nothing)
    expect(checked).toEqual(expect.arrayContaining(['order', 'updateOrder', 'confirmOrder', 'reserveOrder', 'releaseOrder', 'cancelOrder', 'closeOrder', 'deleteOrder', 'createOrder', 'quote', 'counterparty']));
    expect(checked).toEqual(expect.arrayContaining(['shipment', 'postShipment', 'unpostShipment', 'customerReturn', 'serviceAct', 'unpostServiceAct', 'invoice', 'incomingPayment', 'unpostIncomingPayment', 'registerPayment', 'clientBalance', 'openItems', 'reconciliationStatement']));
  });
});
