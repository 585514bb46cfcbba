import { Decimal } from '../../shared/money';
import { raw, type EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { assignSent, baseConditions, findById, findForChange, isUuid, listPage } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { decimalPlaces, FieldReason, negative, noSpaces, noSuch, notNull, problem, required, type FieldMessages } from '../../shared/field-errors';
import { findOneJoined } from '../../shared/joined-lookup';
import type { Page } from '../../shared/pagination';
import type { SelectionTree } from '../../shared/selection';
import { ProductGroup } from './product-group.entity';
import { SUBTREE_IDS_SQL } from './product-group.service';
import { Product } from './product.entity';
import type { CreateProductInput, ProductListArgs, UpdateProductInput } from './product.inputs';
import { Unit } from './unit.entity';
import { heldQuantitiesProblem, quantityProblem, type UnitOfQuantity } from './unit-precision';
import { UnitPrecisionReducing, type FinerQuantities } from './unit.events';
import { DEFAULT_VAT_RATE, isVatRate, VAT_RATES } from './vat-rates';

const SORTABLE = ['sku', 'name', 'kind', 'vatRate', 'barcode', 'weight', 'active', 'unit.code', 'group.name', 'createdAt', 'updatedAt'] as const;

const SKU = /^\S{1,64}$/;
const WEIGHT_PLACES = 3;

type Changes = Partial<Omit<CreateProductInput, 'sku' | 'name' | 'unitId'>> & { sku?: string | null; name?: string | null; unitId?: string | null };

/** What other modules check a document line's product against. */
export interface ProductFacts {
  id: string;
  sku: string;
  kind: string;
  vatRate: string;
  active: boolean;
  /** kg per unit, when known. */
  weight: string | null;
  /** Its unit: the code and the decimal places a quantity may have (0: whole pieces). */
  unit: UnitOfQuantity;
}

/** Products and services. A product in use by documents cannot be deleted (CONFLICT). */
export class ProductService {
  /** The facts of the products, by id, in one statement (ids that are not products are missing). */
  async facts(em: EntityManager, ids: readonly string[]): Promise<Map<string, ProductFacts>> {
    const unique = [...new Set(ids.filter(isUuid))];
    if (!unique.length) return new Map();
    const rows: { id: string; sku: string; kind: string; vat_rate: string; active: boolean; weight: string | null; unit_code: string; precision: number }[] = await em.execute(
      'select p.id, p.sku, p.kind, p.vat_rate::text as vat_rate, p.active, p.weight::text as weight, u.code as unit_code, u.precision from product p join unit u on u.id = p.unit_id where p.id in (?)',
      [unique],
    );
    return new Map(rows.map((r) => [r.id, { id: r.id, sku: r.sku, kind: r.kind, vatRate: r.vat_rate, active: r.active, weight: r.weight, unit: { code: r.unit_code, precision: Number(r.precision) } }]));
  }

  /**
   * Each line's quantity against its product's unit (quantityProblem), under
   * `lines.<index>.<quantityField>` unless that field is already refused; lines whose
   * product is not found are the caller's to refuse. Through the request's loaders: the
   * products a caller has loaded cost nothing, their units one statement for all lines.
   */
  async checkQuantities(ctx: Context, lines: readonly { productId: string; quantity: string }[], fields: FieldMessages, quantityField = 'quantity'): Promise<void> {
    const products = await ctx.loaders.byId(Product).loadMany(lines.map((line) => line.productId).filter(isUuid));
    const unitIds = new Map<string, string>();
    for (const product of products) if (product && !(product instanceof Error)) unitIds.set(product.id, product.unit.id);
    const units = new Map<string, Unit>();
    for (const unit of await ctx.loaders.byId(Unit).loadMany([...new Set(unitIds.values())])) if (unit && !(unit instanceof Error)) units.set(unit.id, unit);
    lines.forEach((line, index) => {
      const field = `lines.${index}.${quantityField}`;
      const unit = units.get(unitIds.get(line.productId) ?? '');
      const unfit = unit && !fields[field] ? quantityProblem(line.quantity, unit) : null;
      if (unfit) fields[field] = unfit;
    });
  }

  /**
   * A subquery of products (id, sku, name, group_id) that other modules join to order,
   * search and filter their rows by product, so the catalog's tables are read by the
   * catalog's SQL only. `groupId`: the group and the groups below it; `unitId`: the
   * products counted in that unit; `productId`: that one.
   */
  selection(filter: { groupId?: string | null; unitId?: string; productId?: string } = {}): { sql: string; params: unknown[] } {
    if (filter.productId) return { sql: 'select id, sku, name, group_id from product where id = ?', params: [filter.productId] };
    if (filter.unitId) return { sql: 'select id, sku, name, group_id from product where unit_id = ?', params: [filter.unitId] };
    return filter.groupId
      ? { sql: `select id, sku, name, group_id from product where group_id in ${SUBTREE_IDS_SQL}`, params: [filter.groupId] }
      : { sql: 'select id, sku, name, group_id from product', params: [] };
  }

  list(ctx: Context, args: ProductListArgs): Promise<Page<Product>> {
    const f = args.filter;
    const conditions = baseConditions<Product>(f, ['sku', 'name', 'barcode']);
    if (f?.skus) conditions.push({ sku: { $in: f.skus } });
    if (f?.groupId) conditions.push({ [raw((alias: string) => `${alias}.group_id in ${SUBTREE_IDS_SQL}`, [f.groupId])]: [] });
    if (f?.kind) conditions.push({ kind: f.kind });
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    if (f?.unitId) conditions.push({ unit: f.unitId });
    // a page's unit and group come joined in, as plain records (read only): `unit` and `group` then cost nothing
    return listPage(ctx.em, Product, conditions, args, SORTABLE, 'sku', { joined: ['unit', 'group'], plain: true });
  }

  /**
   * One product for `product(id)`: a plain row of the columns the query selects, its unit and
   * group joined in when selected, by one prepared statement (PlainReads).
   */
  read(ctx: Context, id: string, selection: SelectionTree): Promise<Product | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return ctx.services.reads.byId(Product, id, selection, ['unit', 'group']);
  }

  /** One product with its unit and group joined in, so the usual selection costs one statement (and little CPU: findOneJoined). */
  get(ctx: Context, id: string): Promise<Product | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return findOneJoined(ctx.em, Product, id, ['unit', 'group']);
  }

  async create(ctx: Context, input: CreateProductInput): Promise<Product> {
    await this.check(ctx, input);
    const product = ctx.em.create(Product, {
      sku: input.sku.trim(),
      name: input.name.trim(),
      description: input.description ?? null,
      kind: input.kind,
      unit: input.unitId,
      group: input.groupId ?? null,
      vatRate: input.vatRate ?? DEFAULT_VAT_RATE,
      barcode: input.barcode ?? null,
      weight: input.weight ?? null,
      active: input.active,
    });
    await ctx.em.flush();
    return product;
  }

  async update(ctx: Context, id: string, input: UpdateProductInput): Promise<Product> {
    const product = await findForChange(ctx.em, Product, id, input.version);
    await this.check(ctx, input);
    if (input.unitId && input.unitId !== product.unit.id) await this.refuseFinerQuantities(ctx, product, input.unitId);
    if (input.sku !== undefined) product.sku = input.sku.trim();
    if (input.name !== undefined) product.name = input.name.trim();
    assignSent(product, input, ['description', 'kind', 'vatRate', 'barcode', 'weight', 'active']);
    if (input.unitId !== undefined) product.unit = ctx.em.getReference(Unit, input.unitId, { wrapped: true });
    if (input.groupId !== undefined) product.group = input.groupId ? ctx.em.getReference(ProductGroup, input.groupId, { wrapped: true }) : null;
    await ctx.em.flush();
    return product;
  }

  async delete(ctx: Context, id: string): Promise<Product> {
    const product = await findForChange(ctx.em, Product, id);
    ctx.em.remove(product);
    await ctx.em.flush();
    return product;
  }

  /** A product moved to a unit of fewer places than its quantities already have (2.5 kg to pcs): refused on `unitId`, naming how many. */
  private async refuseFinerQuantities(ctx: Context, product: Product, unitId: string): Promise<void> {
    const unit = (await findById(ctx.em, Unit, unitId))!;
    const held: FinerQuantities[] = [];
    await ctx.services.domainEvents.raise(ctx, UnitPrecisionReducing, { products: { productId: product.id }, places: unit.precision, held });
    const refused = heldQuantitiesProblem(held, unit);
    if (refused) throw badInput({ unitId: refused });
  }

  /** The rules class-validator cannot express, all reported at once as BAD_USER_INPUT per field. */
  private async check(ctx: Context, input: Changes): Promise<void> {
    const fields: FieldMessages = {};
    for (const key of ['name', 'kind', 'vatRate', 'active'] as const) {
      if (input[key] === null) fields[key] = notNull();
    }
    if (input.sku !== undefined && !SKU.test(input.sku?.trim() ?? '')) fields.sku = noSpaces(64);
    if (input.name !== undefined && input.name !== null && !input.name.trim()) fields.name = required('must not be empty');
    if (input.vatRate !== undefined && input.vatRate !== null && !isVatRate(input.vatRate)) {
      fields.vatRate = problem(FieldReason.NOT_ONE_OF, `must be one of ${VAT_RATES.join(', ')} (percent)`, { values: [...VAT_RATES] });
    }
    if (input.weight !== undefined && input.weight !== null) {
      const weight = new Decimal(input.weight);
      if (weight.lt(0)) fields.weight = negative();
      else if (weight.decimalPlaces() > WEIGHT_PLACES) fields.weight = decimalPlaces(WEIGHT_PLACES);
    }
    if (input.unitId === null) fields.unitId = required();
    else if (input.unitId !== undefined && !(await findById(ctx.em, Unit, input.unitId))) fields.unitId = noSuch('Unit', 'no such unit');
    if (input.groupId && !(await findById(ctx.em, ProductGroup, input.groupId))) fields.groupId = noSuch('ProductGroup', 'no such product group');
    if (Object.keys(fields).length) throw badInput(fields);
  }
}
