import { ChangeSetType, wrap, type ChangeSet, type Collection, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { actorScope } from '../../shared/request-scope';
import { AuditAction, AuditEntry } from './audit-entry.entity';

type Changes = Record<string, { before: unknown; after: unknown }>;

/** Never worth a row of its own, or never to be copied into the log. */
const SKIPPED = new Set(['id', 'version', 'createdAt', 'updatedAt']);
const MASKED = new Set(['passwordHash', 'secretHash']);

const ACTION: Record<string, AuditAction> = {
  [ChangeSetType.CREATE]: AuditAction.CREATE,
  [ChangeSetType.UPDATE]: AuditAction.UPDATE,
  [ChangeSetType.DELETE]: AuditAction.DELETE,
};

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id;
  return value ?? null;
}

function changesOf(changeSet: ChangeSet<BaseEntity>): Changes {
  const changes: Changes = {};
  const before = (
    changeSet.type === ChangeSetType.DELETE ? wrap(changeSet.entity, true).toObject() : (changeSet.originalEntity ?? {})
  ) as Record<string, unknown>;
  const after = changeSet.entity as unknown as Record<string, unknown>;
  const keys = Object.keys(changeSet.type === ChangeSetType.DELETE ? before : changeSet.payload);
  for (const key of keys) {
    if (SKIPPED.has(key)) continue;
    const masked = MASKED.has(key);
    changes[key] = {
      before: changeSet.type === ChangeSetType.CREATE ? null : masked ? '***' : plain(before[key]),
      after: changeSet.type === ChangeSetType.DELETE ? null : masked ? '***' : plain(key in after ? after[key] : (changeSet.payload as Record<string, unknown>)[key]),
    };
  }
  return changes;
}

/**
 * Writes an AuditEntry for every create, update and delete of a record, inside the
 * same flush (and so the same transaction) as the change itself.
 */
export class AuditSubscriber implements EventSubscriber {
  onFlush({ em, uow }: FlushEventArgs): void {
    const actor = actorScope.getStore();
    const entries = new Map<string, AuditEntry>();
    const entryFor = (entity: BaseEntity, action: AuditAction) => {
      const key = `${entity.constructor.name}:${entity.id}`;
      let entry = entries.get(key);
      if (!entry) {
        entry = Object.assign(new AuditEntry(), {
          entity: entity.constructor.name,
          entityId: entity.id,
          action,
          changes: {},
          userId: actor?.userId ?? null,
          requestId: actor?.requestId ?? null,
        });
        entries.set(key, entry);
      }
      return entry;
    };

    for (const changeSet of uow.getChangeSets()) {
      if (!(changeSet.entity instanceof BaseEntity)) continue;
      const changes = changesOf(changeSet as ChangeSet<BaseEntity>);
      if (changeSet.type === ChangeSetType.UPDATE && !Object.keys(changes).length) continue;
      Object.assign(entryFor(changeSet.entity, ACTION[changeSet.type]).changes, changes);
    }

    for (const collection of uow.getCollectionUpdates() as Collection<BaseEntity, BaseEntity>[]) {
      const owner = collection.owner;
      if (!(owner instanceof BaseEntity) || !collection.property) continue;
      const before = (collection.getSnapshot() ?? []).map((item) => item.id).sort();
      const after = collection.isInitialized() ? collection.getItems(false).map((item) => item.id).sort() : before;
      if (before.join() === after.join()) continue;
      const entry = entryFor(owner, entries.has(`${owner.constructor.name}:${owner.id}`) ? entries.get(`${owner.constructor.name}:${owner.id}`)!.action : AuditAction.UPDATE);
      entry.changes[collection.property.name] = { before, after };
    }

    for (const entry of entries.values()) {
      em.persist(entry);
      uow.computeChangeSet(entry);
    }
  }
}
