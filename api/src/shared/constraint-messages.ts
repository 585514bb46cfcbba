import type { ErrorCode } from './errors';

/** What a client sees when a write breaks a database constraint: a domain message, never the constraint's name. */
export interface ConstraintMessage {
  /** BAD_USER_INPUT for CHECKs and NOT NULLs, CONFLICT for unique keys and references, unless given. */
  code?: ErrorCode;
  /** The input field at fault, when one is. */
  field?: string;
  message: string;
  /** Extra details, e.g. { reason: 'IN_USE' }. */
  details?: Record<string, unknown>;
}
