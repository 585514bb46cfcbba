import { Decimal } from '../../shared/money';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../server/context';
import { assignSent, baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import { alreadyTaken, badInput, conflict } from '../../shared/errors';
import { decimalPlaces, FieldReason, noSpaces, noSuch, notNull, problem, required, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { ClientReference } from '../crm/client-reference.entity';
import { Counterparty } from '../crm/counterparty.entity';
import { PriceList } from './price-list.entity';
import { PriceDerivation, PriceType } from './price-type.entity';
import { localToday } from '../../shared/local-date.scalar';
import { derivationFields } from './price-recompute.service';
import type { CreatePriceTypeInput, PriceTypeListArgs, UpdatePriceTypeInput } from './price-type.inputs';

const SORTABLE = ['code', 'name', 'derivation', 'vatIncluded', 'rounding', 'adjustmentPercent', 'isDefault', 'active', 'basePriceType.code', 'createdAt', 'updatedAt'] as const;
const CODE = /^\S{1,32}$/;
/** numeric(9,4), and a price cannot fall by 100 % or more. */
const MAX_PERCENT = new Decimal('99999.9999');
const PERCENT_PLACES = 4;

/** Advisory lock key: changes of base types take turns, so two concurrent changes cannot close a cycle between them. */
const BASE_CHAIN_LOCK = 7426201;

/** The type `?` and the types it derives from, walking up; `union` stops even on a (corrupt) cycle. */
const BASE_CHAIN_SQL = `with recursive chain (id, base_price_type_id) as (
  select id, base_price_type_id from price_type where id = ?
  union
  select t.id, t.base_price_type_id from price_type t join chain c on t.id = c.base_price_type_id
)
select id from chain`;

interface Derivation {
  derivation: PriceDerivation;
  basePriceTypeId: string | null;
  adjustmentPercent: string | null;
}

/** The default price type: the one of clients that have none of their own (null when none is marked). */
export function defaultPriceType(em: EntityManager): Promise<PriceType | null> {
  return em.findOne(PriceType, { isDefault: true });
}

/**
 * Which price type a client gets (its quotes, a partner's catalogue prices): its own,
 * then (when the CRM issue adds segments) its segment's default, then the default price
 * type; contract prices will override all of them. Null when it has none and no type is
 * the default.
 */
export async function priceTypeOfClient(ctx: Context, client: Counterparty): Promise<PriceType | null> {
  const id = await priceTypeIdOfClient(ctx, client);
  return id ? ctx.loaders.byId(PriceType).load(id) : null; // the default type, just found, costs no statement
}

/**
 * The id of priceTypeOfClient's type, without reading the client's own type (its key is
 * enough): the client's own, else its segment's default (CRM), else the default type.
 */
export async function priceTypeIdOfClient(ctx: Context, client: Counterparty): Promise<string | null> {
  if (client.priceType) return client.priceType.id;
  const segment = client.segment ? await ctx.loaders.byId(ClientReference).load(client.segment.id) : null;
  return segment?.defaultPriceType?.id ?? (await defaultPriceType(ctx.em))?.id ?? null;
}

/**
 * Price types. A derived type names what it derives from: FROM_PRICE_TYPE a base type
 * and a percentage, FROM_COST a markup percentage; base chains never loop. At most one
 * type is the default, and marking another one moves the mark in the same transaction.
 */
export class PriceTypeService {
  list(ctx: Context, args: PriceTypeListArgs): Promise<Page<PriceType>> {
    const f = args.filter;
    const conditions = baseConditions<PriceType>(f, ['code', 'name']);
    if (f?.derivation) conditions.push({ derivation: f.derivation });
    if (f?.basePriceTypeId) conditions.push({ basePriceType: f.basePriceTypeId });
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    return listPage(ctx.em, PriceType, conditions, args, SORTABLE, 'code');
  }

  get(ctx: Context, id: string): Promise<PriceType | null> {
    return findById(ctx.em, PriceType, id);
  }

  async create(ctx: Context, input: CreatePriceTypeInput): Promise<PriceType> {
    const derivation: Derivation = {
      derivation: input.derivation,
      basePriceTypeId: input.basePriceTypeId ?? null,
      adjustmentPercent: input.adjustmentPercent ?? null,
    };
    await this.check(ctx, null, input, derivation);
    if (input.isDefault) await this.clearDefault(ctx.em, null);
    const type = ctx.em.create(PriceType, {
      code: input.code.trim(),
      name: input.name.trim(),
      vatIncluded: input.vatIncluded,
      rounding: input.rounding,
      derivation: derivation.derivation,
      basePriceType: derivation.basePriceTypeId,
      adjustmentPercent: derivation.adjustmentPercent,
      isDefault: input.isDefault,
      active: input.active,
    });
    await ctx.em.flush();
    await ctx.services.priceRecompute.afterChange(ctx, type, null, input.recomputeFrom ?? localToday());
    return type;
  }

  async update(ctx: Context, id: string, input: UpdatePriceTypeInput): Promise<PriceType> {
    const type = await findForChange(ctx.em, PriceType, id, input.version);
    const derivation = this.derivationAfter(type, input);
    await this.check(ctx, type, input, derivation);
    const before = derivationFields(type);
    if (input.isDefault && !type.isDefault) await this.clearDefault(ctx.em, type.id);
    if (input.code !== undefined) type.code = input.code.trim();
    if (input.name !== undefined) type.name = input.name.trim();
    assignSent(type, input, ['vatIncluded', 'rounding', 'isDefault', 'active']);
    type.derivation = derivation.derivation;
    type.basePriceType = derivation.basePriceTypeId ? ctx.em.getReference(PriceType, derivation.basePriceTypeId, { wrapped: true }) : null;
    type.adjustmentPercent = derivation.adjustmentPercent;
    await ctx.em.flush();
    await ctx.services.priceRecompute.afterChange(ctx, type, before, input.recomputeFrom ?? localToday());
    return type;
  }

  /** Refused (CONFLICT) while price lists, derived types or clients use the type. */
  async delete(ctx: Context, id: string): Promise<PriceType> {
    const type = await findForChange(ctx.em, PriceType, id);
    const priceLists = await ctx.em.count(PriceList, { priceType: id });
    const derivedTypes = await ctx.em.count(PriceType, { basePriceType: id });
    const clients = await ctx.em.count(Counterparty, { priceType: id });
    if (priceLists || derivedTypes || clients) {
      throw conflict(`Price type ${type.code} is used by ${priceLists} price list(s), ${derivedTypes} derived price type(s) and ${clients} client(s); deactivate it instead`, {
        reason: 'IN_USE',
        priceLists,
        derivedTypes,
        clients,
      });
    }
    ctx.em.remove(type);
    await ctx.em.flush();
    return type;
  }

  /** What the derivation fields become: the sent values over the stored ones, minus what a changed derivation no longer uses. */
  private derivationAfter(type: PriceType, input: UpdatePriceTypeInput): Derivation {
    const derivation = input.derivation ?? type.derivation;
    let basePriceTypeId = type.basePriceType?.id ?? null;
    let adjustmentPercent = type.adjustmentPercent ?? null;
    if (derivation !== type.derivation) {
      if (derivation !== PriceDerivation.FROM_PRICE_TYPE) basePriceTypeId = null;
      if (derivation === PriceDerivation.NONE) adjustmentPercent = null;
    }
    if (input.basePriceTypeId !== undefined) basePriceTypeId = input.basePriceTypeId;
    if (input.adjustmentPercent !== undefined) adjustmentPercent = input.adjustmentPercent === null ? null : new Decimal(input.adjustmentPercent).toFixed();
    return { derivation, basePriceTypeId, adjustmentPercent };
  }

  /** The rules class-validator cannot express, all reported at once as BAD_USER_INPUT per field. */
  private async check(ctx: Context, type: PriceType | null, input: CreatePriceTypeInput | UpdatePriceTypeInput, d: Derivation): Promise<void> {
    const fields: FieldMessages = {};
    for (const key of ['code', 'name', 'vatIncluded', 'rounding', 'derivation', 'isDefault', 'active'] as const) {
      if (input[key] === null) fields[key] = notNull();
    }
    const code = input.code?.trim();
    if (input.code !== undefined && input.code !== null && !CODE.test(code ?? '')) fields.code = noSpaces(32);
    if (input.name !== undefined && input.name !== null && !input.name.trim()) fields.name = required('must not be empty');

    const derived = d.derivation !== PriceDerivation.NONE;
    const ofDerivation = { kind: d.derivation, enum: 'PriceDerivation' };
    if (!derived && d.adjustmentPercent !== null) fields.adjustmentPercent = problem(FieldReason.NOT_USED_BY, 'only a derived price type (FROM_PRICE_TYPE, FROM_COST) has an adjustment', ofDerivation);
    if (derived && d.adjustmentPercent === null) {
      const why = d.derivation === PriceDerivation.FROM_COST ? 'is required: the markup on cost in percent' : 'is required: the percentage relative to the base price type';
      fields.adjustmentPercent = problem(FieldReason.REQUIRED_FOR, why, ofDerivation);
    }
    if (d.adjustmentPercent !== null && derived) {
      const percent = new Decimal(d.adjustmentPercent);
      if (percent.lte(-100)) fields.adjustmentPercent = problem(FieldReason.GREATER_THAN, 'must be greater than −100', { min: -100 });
      else if (percent.gt(MAX_PERCENT)) fields.adjustmentPercent = problem(FieldReason.AT_MOST, `must be at most ${MAX_PERCENT.toFixed()}`, { max: MAX_PERCENT.toFixed() });
      else if (percent.decimalPlaces() > PERCENT_PLACES) fields.adjustmentPercent = decimalPlaces(PERCENT_PLACES);
    }
    if (d.derivation === PriceDerivation.FROM_PRICE_TYPE) {
      if (!d.basePriceTypeId) fields.basePriceTypeId = problem(FieldReason.REQUIRED_FOR, 'is required for FROM_PRICE_TYPE', ofDerivation);
      else await this.checkBase(ctx, type?.id ?? null, d.basePriceTypeId, fields);
    } else if (d.basePriceTypeId) {
      fields.basePriceTypeId = problem(FieldReason.NOT_USED_BY, 'only a FROM_PRICE_TYPE price type has a base price type', ofDerivation);
    }

    const isDefault = input.isDefault ?? type?.isDefault ?? false;
    const active = input.active ?? type?.active ?? true;
    if (isDefault && !active && !fields.active) fields.active = problem(FieldReason.DEFAULT_STAYS_ACTIVE, 'the default price type must stay active');

    if (Object.keys(fields).length) throw badInput(fields);
    if (code && code !== type?.code && (await ctx.em.count(PriceType, { code }))) throw alreadyTaken('code', `code ${code} is already taken`);
  }

  /** The base must exist and must not be the type itself or derive from it (no loops). */
  private async checkBase(ctx: Context, typeId: string | null, baseId: string, fields: FieldMessages): Promise<void> {
    if (typeId) await ctx.em.execute('select pg_advisory_xact_lock(?)', [BASE_CHAIN_LOCK]);
    const chain: { id: string }[] = await ctx.em.execute(BASE_CHAIN_SQL, [baseId]);
    if (!chain.length) fields.basePriceTypeId = noSuch('PriceType', 'no such price type');
    else if (typeId && chain.some((row) => row.id === typeId)) fields.basePriceTypeId = problem(FieldReason.CYCLE, 'a price type cannot derive from itself or from a type derived from it');
  }

  /** Takes the default mark off the current default first: the unique index allows one at a time. */
  private async clearDefault(em: EntityManager, keepId: string | null): Promise<void> {
    const current = await em.findOne(PriceType, { isDefault: true, ...(keepId ? { id: { $ne: keepId } } : {}) });
    if (!current) return;
    current.isDefault = false;
    await em.flush();
  }
}
