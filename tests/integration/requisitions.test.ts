import type { TradebookClient } from '@tradebook/client';
import { errorOf, Role, type TestApp } from '../support/harness';
import { assertLedgerInvariants } from '../support/ledger-invariants';
import { startSalesWorld, type SalesWorld } from '../support/sales-world';

/*
 * Purchase requisitions (issue 14, item 1): a staff member's draft, submitted, approved or
 * rejected (with a reason) by purchasing; record rules on who sees and decides; bad input
 * refused on the field with nothing written.
 */
describe('purchase requisitions', () => {
  let world: SalesWorld;
  let app: TestApp;
  let manager: TradebookClient;
  let storekeeper: TradebookClient;
  let buyer: TradebookClient;
  let accountant: TradebookClient;
  let gear: string;

  beforeAll(async () => {
    world = await startSalesWorld();
    ({ app, manager } = world);
    storekeeper = await app.as(Role.WAREHOUSE);
    buyer = await app.as(Role.PURCHASING);
    accountant = await app.as(Role.ACCOUNTANT);
    gear = await world.product('GEAR', '50.00', '40.00');
  });
  afterEach(() => assertLedgerInvariants(app.orm));
  afterAll(() => app.close());

  const draft = (client: TradebookClient, quantity: string, neededBy: string | null = null) =>
    client.CreatePurchaseRequisition({ input: { date: world.today, warehouseId: world.w1, comment: 'для склада', lines: [{ productId: gear, quantity, neededBy, comment: 'срочно' }] } }).then((r) => r.createPurchaseRequisition);

  it('a draft is submitted by its author and approved by purchasing; another is rejected with a reason', async () => {
    // given a sales manager's draft for 6 GEAR
    const mine = await draft(manager, '6', world.daysFromToday(7));
    expect(mine.number).toMatch(new RegExp(`^PR-${world.today.slice(0, 4)}-\\d{6}$`));
    expect([mine.status, mine.requestedBy?.name != null, mine.lines.map((l) => [l.product.sku, l.quantity, l.neededBy, l.comment, l.ordered, l.remaining, l.received])]).toEqual([
      'DRAFT', true, [['GEAR', '6', world.daysFromToday(7), 'срочно', '0', '6', '0']],
    ]);

    // purchasing does not see someone's draft, and a draft cannot be approved
    expect((await buyer.PurchaseRequisition({ id: mine.id })).purchaseRequisition).toBeNull();
    const early = await errorOf(buyer.ApprovePurchaseRequisition({ id: mine.id }));
    expect(early.code).toBe('NOT_FOUND');

    // when its author edits it to 7 and submits it
    const edited = (await manager.UpdatePurchaseRequisition({ id: mine.id, input: { version: mine.version, lines: [{ productId: gear, quantity: '7' }] } })).updatePurchaseRequisition;
    expect(edited.lines.map((l) => l.quantity)).toEqual(['7']);
    const submitted = (await manager.SubmitPurchaseRequisition({ id: mine.id })).submitPurchaseRequisition;
    expect(submitted.status).toBe('SUBMITTED');
    // then it can no longer be edited, and the author may not approve it (no requisition:approve)
    expect((await errorOf(manager.UpdatePurchaseRequisition({ id: mine.id, input: { version: submitted.version, comment: 'x' } }))).code).toBe('INVALID_STATE');
    expect((await errorOf(manager.ApprovePurchaseRequisition({ id: mine.id }))).code).toBe('FORBIDDEN');

    // and purchasing approves it
    const approved = (await buyer.ApprovePurchaseRequisition({ id: mine.id })).approvePurchaseRequisition;
    expect([approved.status, approved.decidedBy?.name === (await buyer.Me()).me.name, approved.decidedAt != null]).toEqual(['APPROVED', true, true]);
    // approving twice is INVALID_STATE
    expect((await errorOf(buyer.ApprovePurchaseRequisition({ id: mine.id }))).code).toBe('INVALID_STATE');

    // given a storekeeper's submitted requisition for 4
    const theirs = await draft(storekeeper, '4');
    await storekeeper.SubmitPurchaseRequisition({ id: theirs.id });
    // rejecting without a reason is refused on the reason, and nothing changes
    const blank = await errorOf(buyer.RejectPurchaseRequisition({ id: theirs.id, reason: '   ' }));
    expect([blank.code, Object.keys(blank.fields)]).toEqual(['BAD_USER_INPUT', ['reason']]);
    expect((await storekeeper.PurchaseRequisition({ id: theirs.id })).purchaseRequisition?.status).toBe('SUBMITTED');
    // with one it is REJECTED and the author reads why
    await buyer.RejectPurchaseRequisition({ id: theirs.id, reason: 'хватит остатка' });
    const read = (await storekeeper.PurchaseRequisition({ id: theirs.id })).purchaseRequisition!;
    expect([read.status, read.rejectionReason]).toEqual(['REJECTED', 'хватит остатка']);
    // a rejected one cannot be approved or closed
    expect((await errorOf(buyer.ApprovePurchaseRequisition({ id: theirs.id }))).code).toBe('INVALID_STATE');
    expect((await errorOf(buyer.ClosePurchaseRequisition({ id: theirs.id }))).code).toBe('INVALID_STATE');

    // an approved one is closed by purchasing
    expect((await buyer.ClosePurchaseRequisition({ id: mine.id })).closePurchaseRequisition.status).toBe('CLOSED');
  });

  it('record rules: a requester sees their own; purchasing sees everyone’s once submitted; others not at all', async () => {
    // given a manager's draft and submitted requisition and a storekeeper's submitted one
    const draftOne = await draft(manager, '1');
    const submittedOne = await draft(manager, '2');
    await manager.SubmitPurchaseRequisition({ id: submittedOne.id });
    const storekeepers = await draft(storekeeper, '3');
    await storekeeper.SubmitPurchaseRequisition({ id: storekeepers.id });

    const listed = async (client: TradebookClient) => (await client.PurchaseRequisitions({ filter: { ids: [draftOne.id, submittedOne.id, storekeepers.id] }, sort: [{ field: 'number' }] })).purchaseRequisitions.items.map((r) => r.id);
    expect(await listed(manager)).toEqual([draftOne.id, submittedOne.id]);
    expect(await listed(storekeeper)).toEqual([storekeepers.id]);
    expect(await listed(buyer)).toEqual([submittedOne.id, storekeepers.id]);
    // someone else's requisition is NOT_FOUND to every verb, as if it did not exist
    expect((await storekeeper.PurchaseRequisition({ id: submittedOne.id })).purchaseRequisition).toBeNull();
    expect((await errorOf(storekeeper.DeletePurchaseRequisition({ id: draftOne.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(buyer.SubmitPurchaseRequisition({ id: draftOne.id }))).code).toBe('NOT_FOUND');
    // an accountant has no requisitions at all
    expect((await errorOf(accountant.PurchaseRequisitions({}))).code).toBe('FORBIDDEN');
    // a draft is deleted by its author
    await manager.DeletePurchaseRequisition({ id: draftOne.id });
    expect(await listed(manager)).toEqual([submittedOne.id]);
  });

  it('bad input is refused on the field and writes nothing, not even a number', async () => {
    // given the requisitions so far
    const before = (await manager.PurchaseRequisitions({})).purchaseRequisitions.total;
    const bolt = await world.product('BOLT', '1.00', '1.00');
    const service = await world.product('SVC', '1.00', '1.00', { kind: 'SERVICE' });
    const first = await draft(manager, '5');
    // when a requisition has a line of 0, one of −2, a service, and one needed before its date
    const error = await errorOf(
      manager.CreatePurchaseRequisition({
        input: {
          date: world.today,
          warehouseId: world.w1,
          lines: [
            { productId: gear, quantity: '0' },
            { productId: bolt, quantity: '-2' },
            { productId: service, quantity: '1' },
            { productId: bolt, quantity: '1.5' },
            { productId: gear, quantity: '1', neededBy: world.daysFromToday(-1) },
          ],
        },
      }),
    );
    // then each is named on its field
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(error.fields).sort()).toEqual(['lines.0.quantity', 'lines.1.quantity', 'lines.2.productId', 'lines.3.quantity', 'lines.4.neededBy']);
    expect(error.fieldErrors.find((f) => f.field === 'lines.0.quantity')?.reason).toBe('GREATER_THAN');
    // an edit to qty 0 is refused the same way and leaves the draft as it was
    const ok = await draft(manager, '5');
    // the next number after the refused create: it took none
    expect(Number(ok.number.slice(-6))).toBe(Number(first.number.slice(-6)) + 1);
    const edit = await errorOf(manager.UpdatePurchaseRequisition({ id: ok.id, input: { version: ok.version, lines: [{ productId: gear, quantity: '0' }] } }));
    expect(Object.keys(edit.fields)).toEqual(['lines.0.quantity']);
    expect((await manager.PurchaseRequisition({ id: ok.id })).purchaseRequisition?.lines.map((l) => l.quantity)).toEqual(['5']);
    // and nothing else was written: two more requisitions, the good ones
    expect((await manager.PurchaseRequisitions({})).purchaseRequisitions.total).toBe(before + 2);
  });
});
