import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { FULL, READ, Role } from '../identity/permissions';
import { ProductGroup } from './product-group.entity';
import { ProductGroupResolver } from './product-group.resolver';
import { ProductGroupService } from './product-group.service';
import { Product } from './product.entity';
import { ProductResolver } from './product.resolver';
import { ProductService } from './product.service';
import { Unit } from './unit.entity';
import { UnitResolver } from './unit.resolver';
import { UnitService } from './unit.service';

const CATALOG_READ = { product: READ, productGroup: READ, unit: READ };

export interface CatalogServices {
  units: UnitService;
  productGroups: ProductGroupService;
  products: ProductService;
}

/** Products, the product group tree and units. */
export const catalogModule: ModuleDefinition<CatalogServices> = defineModule({
  name: 'catalog',
  entities: [Unit, ProductGroup, Product],
  resolvers: [UnitResolver, ProductGroupResolver, ProductResolver],
  services: () => ({ units: new UnitService(), productGroups: new ProductGroupService(), products: new ProductService() }),
  constraintMessages: {
    product_group_parent_name_unique: { code: ErrorCode.CONFLICT, field: 'name', message: 'is already taken' },
  },
  permissions: {
    resources: ['product', 'productGroup', 'unit'],
    grants: {
      [Role.SALES_HEAD]: { resources: CATALOG_READ },
      [Role.SALES_MANAGER]: { resources: CATALOG_READ },
      [Role.WAREHOUSE]: { resources: { ...CATALOG_READ, product: ['read', 'update'] } },
      [Role.PURCHASING]: { resources: { product: FULL, productGroup: FULL, unit: FULL } },
      [Role.MARKETING]: { resources: CATALOG_READ },
      [Role.SERVICE]: { resources: CATALOG_READ },
      [Role.ACCOUNTANT]: { resources: CATALOG_READ },
      [Role.PARTNER]: { resources: CATALOG_READ },
    },
  },
});
