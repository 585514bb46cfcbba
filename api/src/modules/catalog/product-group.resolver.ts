import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { ProductGroup } from './product-group.entity';
import { CreateProductGroupInput, ProductGroupListArgs, UpdateProductGroupInput } from './product-group.inputs';
import type { RootOf } from '../../shared/plain-read';

const ProductGroupPage = PageType(ProductGroup);

/** Deeper than any real catalogue; stops `path` on a corrupt tree. */
const MAX_DEPTH = 50;

@Resolver(() => ProductGroup)
export class ProductGroupResolver {
  @Authorized('productGroup:read')
  @Query(() => ProductGroupPage)
  productGroups(@Args() args: ProductGroupListArgs, @Ctx() ctx: Context) {
    return ctx.services.productGroups.list(ctx, args);
  }

  @Authorized('productGroup:read')
  @Query(() => ProductGroup, { nullable: true })
  productGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.productGroups.get(ctx, id);
  }

  @Authorized('productGroup:create')
  @Mutation(() => ProductGroup)
  createProductGroup(@Arg('input') input: CreateProductGroupInput, @Ctx() ctx: Context) {
    return ctx.services.productGroups.create(ctx, input);
  }

  @Authorized('productGroup:update')
  @Mutation(() => ProductGroup)
  updateProductGroup(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateProductGroupInput, @Ctx() ctx: Context) {
    return ctx.services.productGroups.update(ctx, id, input);
  }

  @Authorized('productGroup:delete')
  @Mutation(() => ProductGroup)
  deleteProductGroup(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.productGroups.delete(ctx, id);
  }

  @FieldResolver(() => ProductGroup, { nullable: true, description: 'The group above; null for a top-level group' })
  parent(@Root() group: RootOf<ProductGroup>, @Ctx() ctx: Context) {
    return group.parent ? ctx.loaders.byId(ProductGroup).load(group.parent.id) : null;
  }

  @FieldResolver(() => [ProductGroup], { description: 'The groups directly below, by name' })
  children(@Root() group: RootOf<ProductGroup>, @Ctx() ctx: Context) {
    return ctx.loaders.byForeignKey(ProductGroup, 'parent', { name: 'asc' }).load(group.id);
  }

  @FieldResolver(() => String, { description: 'Names from the top-level group down to this one, joined by " / " (one statement per level, whatever the page size)' })
  async path(@Root() group: RootOf<ProductGroup>, @Ctx() ctx: Context): Promise<string> {
    const names = [group.name];
    const seen = new Set([group.id]);
    let parentId = group.parent?.id;
    while (parentId && !seen.has(parentId) && seen.size < MAX_DEPTH) {
      seen.add(parentId);
      const parent = await ctx.loaders.byId(ProductGroup).load(parentId);
      if (!parent) break;
      names.unshift(parent.name);
      parentId = parent.parent?.id;
    }
    return names.join(' / ');
  }
}
