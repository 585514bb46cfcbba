import type { MikroORM } from '@mikro-orm/postgresql';
import { defaultModules } from '../../api/src/modules';
import { invariantSql } from '../../api/src/modules/ledger/register-sql';
import { composeLedger } from '../../api/src/server/services';

/**
 * The ledger's invariants (DESIGN §4), checked straight in the database after every
 * ledger test. Each query lists the rows that break one rule; all must be empty. Every
 * register's own (balances and month totals equal their movements) come from its
 * declaration; the FIFO lots' and landed costs' follow.
 */
const STOCK_CHECKS: Record<string, string> = {
  "every lot's remaining quantity is what came in less what movements took from it": `
    select l.id, l.qty_in, l.qty_remaining, coalesce(c.taken, 0) as taken
    from stock_lot l
    left join (select lot_id, sum(-quantity) as taken from stock_movement
               where lot_id is not null and not exists (select 1 from stock_lot o where o.id = lot_id and o.recorder_type = stock_movement.recorder_type and o.recorder_id = stock_movement.recorder_id and o.recorder_line = stock_movement.recorder_line)
               group by lot_id) c on c.lot_id = l.id
    where l.qty_remaining <> l.qty_in - coalesce(c.taken, 0)`,
  // movements without a lot: negative stock sent out (where the warehouse allows it) before any lot covered it
  'the stock value of each warehouse × product equals the value remaining in its lots plus the cost of its movements without a lot': `
    select coalesce(b.warehouse_id, l.warehouse_id, u.warehouse_id) as warehouse_id, coalesce(b.product_id, l.product_id, u.product_id) as product_id, b.cost, l.value, u.cost as unlotted
    from stock_balance b
    full join (select warehouse_id, product_id, sum(value_remaining) as value from stock_lot group by 1, 2) l
      on l.warehouse_id = b.warehouse_id and l.product_id = b.product_id
    full join (select warehouse_id, product_id, sum(cost) as cost from stock_movement where lot_id is null group by 1, 2) u
      on u.warehouse_id = coalesce(b.warehouse_id, l.warehouse_id) and u.product_id = coalesce(b.product_id, l.product_id)
    where coalesce(b.cost, 0) <> coalesce(l.value, 0) + coalesce(u.cost, 0)`,
  'every lot that came in has its incoming movement': `
    select l.id from stock_lot l
    where not exists (select 1 from stock_movement m where m.lot_id = l.id and m.recorder_type = l.recorder_type and m.recorder_id = l.recorder_id and m.recorder_line = l.recorder_line and m.quantity = l.qty_in)`,
  // TRANSFER rows only say where a part went on; the lot, expense and COGS rows are where it landed
  'the adjustments of every posted landed cost add up to its amount, and an unposted one has none': `
    select d.id, d.status, d.amount, a.total
    from landed_cost d
    left join (select recorder_id, sum(amount) as total from cost_adjustment where kind <> 'TRANSFER' group by recorder_id) a on a.recorder_id = d.id
    where (d.status = 'POSTED' and coalesce(a.total, 0) <> d.amount) or (d.status <> 'POSTED' and a.total is not null)`,
  'every landed cost adjustment of a lot is in its stock movements': `
    select a.id from cost_adjustment a
    where a.kind = 'LOT' and not exists (select 1 from stock_movement m where m.lot_id = a.lot_id and m.recorder_type = a.recorder_type and m.recorder_id = a.recorder_id and m.quantity = 0 and m.cost = a.amount)`,
};

/** Beside the reservation register's own (stock_balance.reserved = Σ its movements): what orders hold, ship and sell (sales). */
const SALES_CHECKS: Record<string, string> = {
  // an order holds Σ of the rows naming it: its own, and its shipments' releases (a test's own hold, naming no order, is not an order's)
  'only confirmed or partially shipped orders hold reservations, and no order holds a negative reservation anywhere': `
    select r.order_id, r.warehouse_id, r.product_id, o.status, sum(r.quantity) as held
    from stock_reservation r left join customer_order o on o.id = r.order_id
    where r.order_id is not null
    group by r.order_id, r.warehouse_id, r.product_id, o.status
    having sum(r.quantity) < 0 or (sum(r.quantity) <> 0 and o.status is distinct from 'CONFIRMED' and o.status is distinct from 'PARTIALLY_SHIPPED')`,
  'every order line holds reserved plus backordered no more than is left to ship of it, and a product off the order holds nothing': `
    select coalesce(l.order_id, h.order_id) as order_id, coalesce(l.product_id, h.product_id) as product_id, l.quantity, l.backordered, h.held, s.shipped
    from customer_order_line l
    full join (select order_id, product_id, sum(quantity) as held from stock_reservation where order_id is not null group by 1, 2) h
      on h.order_id = l.order_id and h.product_id = l.product_id
    left join (select sl.order_line_id, sum(sl.quantity) as shipped from shipment_line sl join shipment d on d.id = sl.shipment_id
               where d.status = 'POSTED' group by 1) s on s.order_line_id = l.id
    where coalesce(h.held, 0) + coalesce(l.backordered, 0) > coalesce(l.quantity, 0) - coalesce(s.shipped, 0)`,
  'no order line is shipped past its quantity': `
    select l.id, l.quantity, sum(sl.quantity) as shipped from customer_order_line l
    join shipment_line sl on sl.order_line_id = l.id join shipment d on d.id = sl.shipment_id and d.status = 'POSTED'
    group by l.id, l.quantity having sum(sl.quantity) > l.quantity`,
  // sales cost = what the shipments took from stock − what returns brought back + landed costs of what was sold
  'the cost in the sales register is the cost of the stock shipments took, less what returns brought back, plus the COGS adjustments': `
    select coalesce(r.recorder_id, m.recorder_id) as recorder_id, r.cost, m.cost as stock_cost
    from (select recorder_id, sum(cost) as cost from sales_register group by 1) r
    full join (select recorder_id, sum(-cost) as cost from stock_movement where recorder_type in ('Shipment', 'CustomerReturn') group by 1
               union all select recorder_id, sum(amount) from cost_adjustment where kind = 'COGS' group by 1) m on m.recorder_id = r.recorder_id
    where coalesce(r.cost, 0) <> coalesce(m.cost, 0)`,
  'the receivable of every posted shipment, less its returns, is what its settlements hold against it': `
    select d.id, d.total, coalesce(rt.total, 0) as returned, cs.amount
    from shipment d
    left join (select shipment_id, sum(total) as total from customer_return where status = 'POSTED' group by 1) rt on rt.shipment_id = d.id
    left join (select document_id, sum(amount) as amount from client_settlement where document_type = 'Shipment' and recorder_type in ('Shipment', 'CustomerReturn') group by 1) cs on cs.document_id = d.id
    where (d.status = 'POSTED' and coalesce(cs.amount, 0) <> d.total - coalesce(rt.total, 0)) or (d.status <> 'POSTED' and cs.amount is not null)`,
};

/** Settlements with clients (issue 12 §5): what payments and service acts wrote is what they say. */
const SETTLEMENT_CHECKS: Record<string, string> = {
  'every posted payment settles exactly its amount, and one not posted settles nothing': `
    select p.id, p.status, p.amount, s.settled
    from incoming_payment p
    left join (select recorder_id, -sum(amount) as settled from client_settlement where recorder_type = 'IncomingPayment' group by recorder_id) s on s.recorder_id = p.id
    where (p.status = 'POSTED' and coalesce(s.settled, 0) <> p.amount) or (p.status <> 'POSTED' and s.settled is not null)`,
  'every posted service act owes its total and sells it (revenue + VAT), and one not posted neither': `
    select a.id, a.status, a.total, s.owed, r.sold
    from service_act a
    left join (select recorder_id, sum(amount) as owed from client_settlement where recorder_type = 'ServiceAct' group by recorder_id) s on s.recorder_id = a.id
    left join (select recorder_id, sum(revenue + vat) as sold from sales_register where recorder_type = 'ServiceAct' group by recorder_id) r on r.recorder_id = a.id
    where (a.status = 'POSTED' and (coalesce(s.owed, 0) <> a.total or coalesce(r.sold, 0) <> a.total)) or (a.status <> 'POSTED' and (s.owed is not null or r.sold is not null))`,
  "no payment's advance is taken past what the payment left open": `
    select document_id, sum(amount) as open from client_settlement where document_type = 'IncomingPayment' group by document_id having sum(amount) > 0`,
};

/** The purchases register (issue 14 §4–5): on order = Σ ordered − Σ received, each side what the documents say. */
const PURCHASE_CHECKS: Record<string, string> = {
  'every line of a posted purchase order has ordered its quantity and amount (less, once closed, what it never received), and a line of an order not posted nothing': `
    select l.purchase_order_id, l.line_no, o.status, l.quantity, l.amount, b.ordered, b.ordered_amount, b.received
    from purchase_order_line l join purchase_order o on o.id = l.purchase_order_id
    left join purchase_order_balance b on b.order_id = l.purchase_order_id and b.order_line = l.line_no
    where (o.status = 'POSTED' and (coalesce(b.ordered_amount, 0) <> l.amount
             or coalesce(b.ordered, 0) <> case when o.closed_at is null then l.quantity else least(l.quantity, greatest(coalesce(b.received, 0), 0)) end))
       or (o.status <> 'POSTED' and coalesce(b.ordered, 0) <> 0)`,
  'what every order line received is the sum of the posted receipt lines against it, quantity and amount': `
    select coalesce(b.order_id, r.order_id) as order_id, coalesce(b.order_line, r.order_line) as order_line, b.received, r.quantity, b.received_amount, r.amount
    from purchase_order_balance b
    full join (select g.purchase_order_id as order_id, gl.order_line, sum(gl.quantity) as quantity, sum(gl.amount) as amount
               from goods_receipt_line gl join goods_receipt g on g.id = gl.goods_receipt_id
               where g.status = 'POSTED' and g.purchase_order_id is not null group by 1, 2) r
      on r.order_id = b.order_id and r.order_line = b.order_line
    where coalesce(b.received, 0) <> coalesce(r.quantity, 0) or coalesce(b.received_amount, 0) <> coalesce(r.amount, 0)`,
};

/** Settlements with suppliers (issue 14 §7): the payable is what receipts, landed costs and payments wrote, and every open document is consistent. */
const PAYABLE_CHECKS: Record<string, string> = {
  'every posted supplier payment settles exactly its amount, and one not posted settles nothing': `
    select p.id, p.status, p.amount, s.settled
    from outgoing_payment p
    left join (select recorder_id, -sum(amount) as settled from supplier_settlement where recorder_type = 'OutgoingPayment' group by recorder_id) s on s.recorder_id = p.id
    where (p.status = 'POSTED' and coalesce(s.settled, 0) <> p.amount) or (p.status <> 'POSTED' and s.settled is not null)`,
  'every posted goods receipt and landed cost makes the supplier owe its total with VAT, and one not posted nothing': `
    select d.id, d.status, d.total, s.owed
    from (select r.id, r.status, r.supplier_id, coalesce(sum(l.amount + l.vat), 0) as total from goods_receipt r left join goods_receipt_line l on l.goods_receipt_id = r.id group by r.id
          union all select id, status, supplier_id, amount + vat from landed_cost) d
    left join (select recorder_id, supplier_id, sum(amount) as owed from supplier_settlement where recorder_type in ('GoodsReceipt', 'LandedCost') group by recorder_id, supplier_id) s on s.recorder_id = d.id
    where (d.status = 'POSTED' and (coalesce(s.owed, 0) <> d.total or s.supplier_id is distinct from d.supplier_id)) or (d.status <> 'POSTED' and s.owed is not null)`,
  'no receipt or landed cost is paid past what it owed, no payment advance is taken past what it left open, and only posted documents have anything open': `
    select s.document_type, s.document_id, sum(s.amount) as open
    from supplier_settlement s
    left join (select id, status from goods_receipt union all select id, status from landed_cost union all select id, status from outgoing_payment) d on d.id = s.document_id
    group by s.document_type, s.document_id, d.status
    having (s.document_type = 'OutgoingPayment' and sum(s.amount) > 0) or (s.document_type <> 'OutgoingPayment' and sum(s.amount) < 0) or (d.status is distinct from 'POSTED' and sum(s.amount) <> 0)`,
  // the payable itself (supplier_balance = Σ supplier_settlement, month by month) is the register's own check
  'every posted supplier payment settled at least what its allocations name on each document': `
    select a.payment_id, a.document_id, sum(a.amount) as allocated, s.settled from outgoing_payment_allocation a join outgoing_payment p on p.id = a.payment_id and p.status = 'POSTED'
    left join (select recorder_id, document_id, -sum(amount) as settled from supplier_settlement where recorder_type = 'OutgoingPayment' and document_id <> recorder_id group by 1, 2) s on s.recorder_id = a.payment_id and s.document_id = a.document_id
    group by a.payment_id, a.document_id, s.settled having sum(a.amount) > coalesce(s.settled, 0)`,
};

const CHECKS: Record<string, string> = {
  ...Object.assign({}, ...[...composeLedger(defaultModules).registers.values()].map(invariantSql)),
  ...STOCK_CHECKS,
  ...SALES_CHECKS,
  ...SETTLEMENT_CHECKS,
  ...PURCHASE_CHECKS,
  ...PAYABLE_CHECKS,
};

export async function assertLedgerInvariants(orm: MikroORM): Promise<void> {
  const connection = orm.em.getConnection();
  const broken: Record<string, unknown[]> = {};
  for (const [rule, sql] of Object.entries(CHECKS)) {
    const rows: unknown[] = await connection.execute(sql);
    if (rows.length) broken[rule] = rows;
  }
  expect(broken).toEqual({});
}
