import type { EntityManager } from '@mikro-orm/postgresql';

/** `PL-2026-000017`: prefix, the document date's year, a six-digit sequence. */
export function formatDocumentNumber(prefix: string, year: number, sequence: number): string {
  return `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
}

/**
 * The next number for a prefix and year. One atomic upsert: concurrent transactions
 * queue on the sequence row, so numbers are unique and, once committed, gapless
 * per transaction order (a rolled-back transaction returns its number).
 */
export async function nextDocumentNumber(em: EntityManager, prefix: string, date: string | Date): Promise<string> {
  const year = typeof date === 'string' ? Number(date.slice(0, 4)) : date.getUTCFullYear();
  // em.execute runs in the caller's transaction (em.getConnection().execute would take another pooled connection)
  const [row]: { last: number }[] = await em.execute(
    `insert into document_sequence (prefix, year, last) values (?, ?, 1)
     on conflict (prefix, year) do update set last = document_sequence.last + 1 returning last`,
    [prefix, year],
  );
  return formatDocumentNumber(prefix, year, Number(row.last));
}
