import { Arg, Args, Authorized, Ctx, ID, Mutation, Query, Resolver, type ClassType } from 'type-graphql';
import type { Context } from '../../server/context';
import type { Page } from '../../shared/pagination';
import { PageType } from '../../shared/pagination';

/** What every document service offers the API. */
export interface DocumentVerbs<T, ListArgs, CreateInput, UpdateInput> {
  list(ctx: Context, args: ListArgs): Promise<Page<T>>;
  get(ctx: Context, id: string): Promise<T | null>;
  create(ctx: Context, input: CreateInput): Promise<T>;
  update(ctx: Context, id: string, input: UpdateInput): Promise<T>;
  delete(ctx: Context, id: string): Promise<T>;
  post(ctx: Context, id: string): Promise<T>;
  unpost(ctx: Context, id: string): Promise<T>;
  repost(ctx: Context, id: string): Promise<T>;
  cancel(ctx: Context, id: string): Promise<T>;
}

export interface DocumentResolverOptions<T extends object, L extends object, C extends object, U extends object> {
  entity: ClassType<T>;
  /** The list query, e.g. `writeOffs`; the others are named after the entity (writeOff, createWriteOff, postWriteOff, …). */
  plural: string;
  /** The permission resource, e.g. `stockDocument` (read, create, update, delete, post). */
  resource: string;
  service: (ctx: Context) => DocumentVerbs<T, L, C, U>;
  listArgs: ClassType<L>;
  createInput: ClassType<C>;
  updateInput: ClassType<U>;
  describe: { list: string; create: string; post: string; unpost: string; cancel: string };
}

/**
 * The queries and mutations every document has (DESIGN §4): list, one by id, create,
 * update and delete a draft, post, unpost, cancel — each behind its permission and
 * named after the entity. A document's resolver extends this and adds its fields.
 */
export function DocumentResolver<T extends object, L extends object, C extends object, U extends object>(o: DocumentResolverOptions<T, L, C, U>) {
  const name = o.entity.name;
  const single = name[0].toLowerCase() + name.slice(1);
  const Page = PageType(o.entity);

  @Resolver()
  abstract class DocumentResolverBase {
    @Authorized(`${o.resource}:read`)
    @Query(() => Page, { name: o.plural, description: o.describe.list })
    list(@Args(() => o.listArgs) args: L, @Ctx() ctx: Context) {
      return o.service(ctx).list(ctx, args);
    }

    @Authorized(`${o.resource}:read`)
    @Query(() => o.entity, { name: single, nullable: true })
    one(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service(ctx).get(ctx, id);
    }

    @Authorized(`${o.resource}:create`)
    @Mutation(() => o.entity, { name: `create${name}`, description: o.describe.create })
    create(@Arg('input', () => o.createInput) input: C, @Ctx() ctx: Context) {
      return o.service(ctx).create(ctx, input);
    }

    @Authorized(`${o.resource}:update`)
    @Mutation(() => o.entity, { name: `update${name}`, description: 'A draft only: INVALID_STATE otherwise' })
    update(@Arg('id', () => ID) id: string, @Arg('input', () => o.updateInput) input: U, @Ctx() ctx: Context) {
      return o.service(ctx).update(ctx, id, input);
    }

    @Authorized(`${o.resource}:delete`)
    @Mutation(() => o.entity, { name: `delete${name}`, description: 'A draft only: INVALID_STATE otherwise' })
    delete(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service(ctx).delete(ctx, id);
    }

    @Authorized(`${o.resource}:post`)
    @Mutation(() => o.entity, { name: `post${name}`, description: o.describe.post })
    post(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service(ctx).post(ctx, id);
    }

    @Authorized(`${o.resource}:post`)
    @Mutation(() => o.entity, { name: `unpost${name}`, description: o.describe.unpost })
    unpost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service(ctx).unpost(ctx, id);
    }

    @Authorized(`${o.resource}:post`)
    @Mutation(() => o.entity, { name: `repost${name}`, description: 'Unposts and posts again in one transaction, from what the document holds now (e.g. after documents dated before it were posted): PERIOD_CLOSED, INVALID_STATE and INSUFFICIENT_STOCK as for the two' })
    repost(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service(ctx).repost(ctx, id);
    }

    @Authorized(`${o.resource}:post`)
    @Mutation(() => o.entity, { name: `cancel${name}`, description: o.describe.cancel })
    cancel(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
      return o.service(ctx).cancel(ctx, id);
    }
  }
  return DocumentResolverBase;
}
