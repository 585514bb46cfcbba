import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context';
import { PageType } from '../../shared/pagination';
import { isPlainLoaded, type RootOf } from '../../shared/plain-read';
import { selectionOf } from '../../shared/selection';
import { ProductGroup } from './product-group.entity';
import { Product } from './product.entity';
import { CreateProductInput, ProductListArgs, UpdateProductInput } from './product.inputs';
import { Unit } from './unit.entity';

const ProductPage = PageType(Product);

@Resolver(() => Product)
export class ProductResolver {
  @Authorized('product:read')
  @Query(() => ProductPage)
  products(@Args() args: ProductListArgs, @Ctx() ctx: Context) {
    return ctx.services.products.list(ctx, args);
  }

  @Authorized('product:read')
  @Query(() => Product, { nullable: true })
  product(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return ctx.services.products.read(ctx, id, selectionOf(info));
  }

  @Authorized('product:create')
  @Mutation(() => Product)
  createProduct(@Arg('input') input: CreateProductInput, @Ctx() ctx: Context) {
    return ctx.services.products.create(ctx, input);
  }

  @Authorized('product:update')
  @Mutation(() => Product)
  updateProduct(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateProductInput, @Ctx() ctx: Context) {
    return ctx.services.products.update(ctx, id, input);
  }

  @Authorized('product:delete')
  @Mutation(() => Product)
  deleteProduct(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.services.products.delete(ctx, id);
  }

  @FieldResolver(() => Unit, { description: 'The unit quantities of the product are counted in' })
  unit(@Root() product: RootOf<Product>, @Ctx() ctx: Context) {
    return isPlainLoaded<Unit>(product.unit) ? product.unit : ctx.loaders.byId(Unit).load(product.unit.id);
  }

  @FieldResolver(() => ProductGroup, { nullable: true })
  group(@Root() product: RootOf<Product>, @Ctx() ctx: Context) {
    if (isPlainLoaded<ProductGroup>(product.group)) return product.group;
    return product.group ? ctx.loaders.byId(ProductGroup).load(product.group.id) : null;
  }
}
