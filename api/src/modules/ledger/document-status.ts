import { registerEnumType } from 'type-graphql';

/** DRAFT → POSTED → (unpost back to DRAFT, or CANCELLED); only a draft can be edited (DESIGN §4). */
export enum DocumentStatus {
  DRAFT = 'DRAFT',
  POSTED = 'POSTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(DocumentStatus, { name: 'DocumentStatus' });
