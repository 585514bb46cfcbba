import { createHash } from 'node:crypto';

/**
 * A job id for the event numbered `seq` and the handler `name`: the same for the same pair
 * (publishing an event twice cannot create its job twice) and, as PostgreSQL compares
 * uuids byte by byte, ordered by seq (pg-boss takes jobs created together in id order).
 */
export function orderedJobId(seq: string | number, name: string): string {
  const hex = BigInt(seq).toString(16).padStart(16, '0') + createHash('sha256').update(name).digest('hex').slice(0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
