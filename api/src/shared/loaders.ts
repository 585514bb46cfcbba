import DataLoader from 'dataloader';
import { wrap, type EntityClass, type EntityManager } from '@mikro-orm/postgresql';

type Loader<V> = DataLoader<string, V>;

/**
 * Per-request DataLoaders so a list's relations cost one statement each,
 * whatever the page size (DESIGN §7). Every field resolver goes through here.
 */
export class Loaders {
  private readonly loaders = new Map<string, Loader<unknown>>();
  private readonly values = new Map<string, Promise<unknown>>();

  constructor(private readonly em: EntityManager) {}

  private memo<V>(key: string, create: () => Loader<V>): Loader<V> {
    let loader = this.loaders.get(key) as Loader<V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader as Loader<unknown>);
    }
    return loader;
  }

  /** A value worked out once per request under `key` (e.g. the caller's own price type), however many fields ask for it. */
  once<V>(key: string, compute: () => Promise<V>): Promise<V> {
    let value = this.values.get(key) as Promise<V> | undefined;
    if (!value) this.values.set(key, (value = compute()));
    return value;
  }

  /** A loader of the caller's own, made once per request under `key` (e.g. document numbers by recorder). */
  custom<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>, cacheKeyFn?: (key: K) => string): DataLoader<K, V, string> {
    return this.memo(`custom:${key}`, () => new DataLoader<K, V, string>(batch, { cacheKeyFn }) as never) as unknown as DataLoader<K, V, string>;
  }

  /** One record by its id (null when it is gone). */
  byId<T extends { id: string }>(entity: EntityClass<T>): Loader<T | null> {
    return this.memo(`id:${entity.name}`, () =>
      new DataLoader<string, T | null>(async (ids) => {
        // records the request already loaded (e.g. joined into its parent) cost no statement
        const uow = this.em.getUnitOfWork();
        const known = new Map<string, T>();
        for (const id of ids) {
          const entity_ = uow.getById<T>(entity.name, id as never);
          if (entity_ && wrap(entity_, true).isInitialized()) known.set(id, entity_);
        }
        const missing = ids.filter((id) => !known.has(id));
        const rows = missing.length ? await this.em.find(entity, { id: { $in: missing } } as never) : [];
        for (const row of rows) known.set(row.id, row);
        return ids.map((id) => known.get(id) ?? null);
      }),
    );
  }

  /** All records whose foreign key `property` (a reference, or a plain id column) points at the given id (children of a parent). */
  byForeignKey<T extends { id: string }>(entity: EntityClass<T>, property: keyof T & string, orderBy: Partial<Record<keyof T & string, 'asc' | 'desc'>> = {}): Loader<T[]> {
    return this.memo(`fk:${entity.name}.${property}`, () =>
      new DataLoader<string, T[]>(async (ids) => {
        const rows = await this.em.find(entity, { [property]: { $in: [...ids] } } as never, { orderBy: orderBy as never });
        const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
        for (const row of rows) {
          const ref = row[property] as unknown as { id: string } | string | null;
          const key = typeof ref === 'string' ? ref : ref?.id;
          if (key) groups.get(key)?.push(row);
        }
        return ids.map((id) => groups.get(id) ?? []);
      }),
    );
  }

  /** The other side of a many-to-many collection, read from its pivot table in one statement. */
  manyToMany<O, T extends { id: string }>(owner: EntityClass<O>, collection: keyof O & string, target: EntityClass<T>): Loader<T[]> {
    return this.memo(`m2m:${owner.name}.${collection}`, () =>
      new DataLoader<string, T[]>(async (ids) => {
        const prop = this.em.getMetadata().get(owner.name).properties[collection as never] as unknown as {
          pivotTable: string;
          joinColumns: string[];
          inverseJoinColumns: string[];
        };
        const [ownerColumn] = prop.joinColumns;
        const [targetColumn] = prop.inverseJoinColumns;
        const pairs: { owner_id: string; target_id: string }[] = await this.em
          .getConnection()
          .execute(`select "${ownerColumn}" as owner_id, "${targetColumn}" as target_id from "${prop.pivotTable}" where "${ownerColumn}" in (?)`, [[...ids]]);
        const targets = await this.byId(target).loadMany([...new Set(pairs.map((p) => p.target_id))]);
        const byId = new Map(targets.filter((t): t is T => !!t && !(t instanceof Error)).map((t) => [t.id, t]));
        const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
        for (const pair of pairs) {
          const item = byId.get(pair.target_id);
          if (item) groups.get(pair.owner_id)?.push(item);
        }
        return ids.map((id) => groups.get(id) ?? []);
      }),
    );
  }
}
