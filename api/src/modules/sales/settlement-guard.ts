import type { Context } from '../../server/context';
import { invalidState } from '../../shared/errors';
import type { Recorder } from '../ledger/recorder';

/**
 * A settlements register's guard (its hooks.guardRetract), for the register's table and
 * the recorder type of its payments (not the book: the register declaration loads this
 * file): a debt cannot be taken back while a payment settles against it, nor a payment
 * while a later debt took its advance — they go first (INVALID_STATE naming them, reason
 * SETTLED). What else stands on a document (a return on its shipment) is its own type's to guard.
 */
export function settledGuard(table: string, payment: string) {
  return async function guardSettledAgainst(ctx: Context, recorder: Recorder, name: string): Promise<void> {
    const rows: { recorder_type: string; recorder_id: string }[] = await ctx.em.execute(
      `select distinct recorder_type, recorder_id from ${table}
       where document_id = ? and document_type = ? and not (recorder_id = ? and recorder_type = ?) and (recorder_type = ? or document_type = ?)`,
      [recorder.id, recorder.type, recorder.id, recorder.type, payment, payment],
    );
    if (!rows.length) return;
    const others = rows.map((r) => ({ type: r.recorder_type, id: r.recorder_id }));
    const names = await ctx.services.ledger.describe(ctx, others);
    throw invalidState(`${name} cannot be taken back: ${names.join(', ')} settle${names.length === 1 ? 's' : ''} against it; take ${names.length === 1 ? 'it' : 'them'} back first`, {
      reason: 'SETTLED',
      documents: others.map((o, i) => ({ documentType: o.type, documentId: o.id, name: names[i] })),
    });
  };
}
