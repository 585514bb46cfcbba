import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../shared/crud';
import { notFound } from '../../shared/errors';
import type { DocumentEntity } from './document.entity';

/** The document, read afresh and locked until the transaction ends, so two verbs on one document take turns; NOT_FOUND when there is none. */
export async function lockDocument<T extends DocumentEntity>(em: EntityManager, entity: new () => T, id: string): Promise<T> {
  const doc = isUuid(id) ? await em.findOne(entity as never, { id } as never, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
  if (!doc) throw notFound(entity.name, id);
  return doc as T;
}
