import { Arg, Authorized, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { RootOf } from '../../shared/plain-read';
import type { Context } from '../../server/context';
import { Product, ProductKind } from '../catalog/product.entity';
import { ProductAvailability } from './stock.types';
import { Warehouse } from './warehouse.entity';

/** The inventory module's field on the catalogue's Product: what is available where, for the console and partner portals. */
@Resolver(() => Product)
export class ProductAvailabilityResolver {
  @Authorized('availability:read')
  @FieldResolver(() => [ProductAvailability], {
    nullable: true,
    description:
      'Per warehouse, by code: the warehouses named (a row for each one you may see, zero where nothing is held; one you may not see has no row), or left out those where the product has something on hand or reserved. Partners see only the warehouses that ship to partners. Empty for services. One statement for a whole page',
  })
  availability(@Root() product: RootOf<Product>, @Arg('warehouseIds', () => [ID], { nullable: true }) warehouseIds: string[] | null, @Ctx() ctx: Context) {
    if (product.kind === ProductKind.SERVICE) return [];
    return ctx.services.stock.availabilityOf(ctx, product.id, warehouseIds);
  }
}

@Resolver(() => ProductAvailability)
export class ProductAvailabilityWarehouseResolver {
  @FieldResolver(() => Warehouse)
  warehouse(@Root() row: ProductAvailability, @Ctx() ctx: Context) {
    return ctx.loaders.byId(Warehouse).load(row.warehouseId);
  }
}
