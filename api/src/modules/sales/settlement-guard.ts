import type { Context } from '../../server/context';
import { invalidState } from '../../shared/errors';
import type { Recorder } from '../ledger/recorder';

/**
 * The settlement register's guard (its hooks.guardRetract): a document cannot be taken
 * back while other documents settle against it — a payment applied to a debt, a later
 * debt that consumed a payment's advance, a return of a shipment. They go first.
 */
export async function guardSettledAgainst(ctx: Context, recorder: Recorder, name: string): Promise<void> {
  const rows: { recorder_type: string; recorder_id: string }[] = await ctx.em.execute(
    `select distinct recorder_type, recorder_id from client_settlement
     where document_id = ? and document_type = ? and not (recorder_id = ? and recorder_type = ?)`,
    [recorder.id, recorder.type, recorder.id, recorder.type],
  );
  if (!rows.length) return;
  const others = rows.map((r) => ({ type: r.recorder_type, id: r.recorder_id }));
  const names = await ctx.services.ledger.describe(ctx, others);
  throw invalidState(`${name} cannot be taken back: ${names.join(', ')} settle${names.length === 1 ? 's' : ''} against it; take ${names.length === 1 ? 'it' : 'them'} back first`, {
    documents: others.map((o, i) => ({ documentType: o.type, documentId: o.id, name: names[i] })),
  });
}
