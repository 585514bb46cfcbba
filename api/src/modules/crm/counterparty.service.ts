import { clientSearchCondition } from './client-search';
import { raw, type EntityManager, type FilterQuery, type Ref } from '@mikro-orm/postgresql';
import type { AuthUser, Context } from '../../server/context';
import { assignSent, baseConditions, findForChange, isUuid, listPage } from '../../shared/crud';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { FieldReason, noSuch, problem, required, type FieldMessages, type FieldProblem } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { User } from '../identity/user.entity';
import { PriceType } from '../pricing/price-type.entity';
import { Counterparty, CounterpartyKind, CounterpartyRole } from './counterparty.entity';
import type { BankDetailsInput, CounterpartyDetailsInput, CounterpartyListArgs, CreateCounterpartyInput, UpdateCounterpartyInput } from './counterparty.inputs';
import { Decimal, MAX_MONEY } from '../../shared/money';
import { counterpartyScope, isHeadOfSales, seesAllCounterparties } from './counterparty.scope';
import { BANK_DIGITS, bankDetailProblem, innProblem, kppProblem } from './inn';
import { assignProfile, duplicateConflict, findDuplicates } from './client-profile';
import { CLIENT_OWNER_CHANGED, emitClientFact, type ClientOwnerChanged } from './client.events';
import { contactKey } from './contact-channel-value';

const SORTABLE = ['name', 'fullName', 'inn', 'kind', 'active', 'status', 'phone', 'email', 'owner.name', 'priceType.code', 'createdAt', 'updatedAt'] as const;
const TEXT_FIELDS = ['fullName', 'legalAddress', 'actualAddress', 'phone', 'email', 'comment'] as const;
const BANK_FIELDS = ['bankName', 'bik', 'account', 'correspondentAccount'] as const;

/** The reason a counterparty without the role is refused in it. */
const ROLE_REASONS: Record<CounterpartyRole, FieldReason> = { [CounterpartyRole.CLIENT]: FieldReason.NOT_A_CLIENT, [CounterpartyRole.SUPPLIER]: FieldReason.NOT_A_SUPPLIER };

const sameLimit = (a: string | null, b: string | null | undefined) => (a === null || b === null || b === undefined ? a === (b ?? null) : new Decimal(a).eq(b));

/** Blank text is stored as null. */
const clean = (text: string | null | undefined) => text?.trim() || null;

/**
 * Clients and suppliers. Record rules (DESIGN §8) apply to every read and change:
 * a sales manager works only with the counterparties they own or are a team member of,
 * a partner sees only its own; a record out of scope behaves as if it did not exist.
 */
export class CounterpartyService {
  /** The user's record rule as a query condition on counterparties (null: sees them all), for other modules' documents. */
  scope(user: AuthUser | null): FilterQuery<Counterparty> | null {
    return counterpartyScope(user);
  }

  /** Why the counterparty cannot act in a role (missing or without the role), or null when it can. */
  async roleProblem(em: EntityManager, id: string, role: CounterpartyRole): Promise<FieldProblem | null> {
    const found = isUuid(id) ? await em.findOne(Counterparty, { id }) : null;
    if (!found) return noSuch('Counterparty', 'no such counterparty');
    if (!found.roles.includes(role)) return problem(ROLE_REASONS[role], `${found.name} is not a ${role.toLowerCase()} (give it the ${role} role)`, { name: found.name });
    return null;
  }

  list(ctx: Context, args: CounterpartyListArgs): Promise<Page<Counterparty>> {
    const f = args.filter;
    const conditions = baseConditions<Counterparty>(f, []);
    const search = clientSearchCondition(f?.q);
    if (search) conditions.push(search as FilterQuery<Counterparty>);
    if (f?.kind) conditions.push({ kind: f.kind });
    if (f?.role) conditions.push({ roles: { $contains: [f.role] } });
    if (f?.ownerId) conditions.push({ owner: f.ownerId });
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    if (f?.status) conditions.push({ status: f.status });
    if (f?.regionId) conditions.push({ region: f.regionId });
    if (f?.industryId) conditions.push({ industry: f.industryId });
    if (f?.segmentId) conditions.push({ segment: f.segmentId });
    if (f?.tag?.trim()) conditions.push({ id: { $in: raw('(select c.id from counterparty c, unnest(c.tags) t where lower(t) = lower(?))', [f.tag.trim()]) } } as FilterQuery<Counterparty>);
    const scope = counterpartyScope(ctx.user);
    if (scope) conditions.push(scope);
    return listPage(ctx.em, Counterparty, conditions, args, SORTABLE, 'name');
  }

  /** One counterparty, or null when it is missing or outside the caller's record rules. */
  get(ctx: Context, id: string): Promise<Counterparty | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const scope = counterpartyScope(ctx.user);
    return ctx.em.findOne(Counterparty, (scope ? { $and: [{ id }, scope] } : { id }) as FilterQuery<Counterparty>);
  }

  async create(ctx: Context, input: CreateCounterpartyInput): Promise<Counterparty> {
    const kind = input.kind;
    const inn = clean(input.inn);
    const kpp = clean(input.kpp);
    this.checkRequisites(input.name, kind, inn, kpp, input.bank);
    if (!input.allowDuplicate) {
      const duplicates = await findDuplicates(ctx, { inn, phone: contactKey('phone', input.phone), email: contactKey('email', input.email) });
      if (duplicates.length) throw duplicateConflict(duplicates);
    }
    const counterparty = ctx.em.create(Counterparty, {
      kind,
      roles: [...new Set(input.roles)],
      name: input.name.trim(),
      inn,
      kpp,
      active: input.active,
      owner: await this.ownerFor(ctx, input.ownerId),
      priceType: input.priceTypeId ? await this.priceTypeFor(ctx, input.priceTypeId) : null,
    });
    for (const field of TEXT_FIELDS) counterparty[field] = clean(input[field]);
    if (input.bank) this.assignBank(counterparty, input.bank);
    this.assignCreditTerms(ctx, counterparty, input);
    if (input.teamMemberIds?.length) counterparty.teamMembers.set(await this.users(ctx, input.teamMemberIds));
    await assignProfile(ctx, counterparty, input, true);
    await ctx.em.flush();
    return counterparty;
  }

  async update(ctx: Context, id: string, input: UpdateCounterpartyInput): Promise<Counterparty> {
    const counterparty = await this.forChange(ctx, id, input.version);
    const kind = input.kind ?? counterparty.kind;
    const inn = input.inn !== undefined ? clean(input.inn) : (counterparty.inn ?? null);
    const kpp = input.kpp !== undefined ? clean(input.kpp) : (counterparty.kpp ?? null);
    this.checkRequisites(input.name ?? counterparty.name, kind, inn, kpp, input.bank);
    Object.assign(counterparty, { kind, inn, kpp });
    assignSent(counterparty, input, ['active']);
    if (input.name !== undefined) counterparty.name = input.name.trim();
    if (input.roles !== undefined) counterparty.roles = [...new Set(input.roles)];
    for (const field of TEXT_FIELDS) if (input[field] !== undefined) counterparty[field] = clean(input[field]);
    if (input.bank) this.assignBank(counterparty, input.bank);
    this.assignCreditTerms(ctx, counterparty, input);
    if (input.ownerId !== undefined && input.ownerId !== (counterparty.owner?.id ?? null)) {
      // a head of sales decides who owns a client (issue 13 §10; handOver moves all of a user's at once)
      if (!isHeadOfSales(ctx.user)) throw forbidden('Only a head of sales or an administrator can give a counterparty another owner');
      const fromOwnerId = counterparty.owner?.id ?? null;
      counterparty.owner = await this.ownerFor(ctx, input.ownerId, true);
      emitClientFact<ClientOwnerChanged>(ctx, CLIENT_OWNER_CHANGED, { clientId: counterparty.id, fromOwnerId, toOwnerId: counterparty.owner?.id ?? null, via: 'EDIT', reason: null });
    }
    if (input.priceTypeId !== undefined && input.priceTypeId !== (counterparty.priceType?.id ?? null)) {
      counterparty.priceType = await this.priceTypeFor(ctx, input.priceTypeId);
    }
    if (input.teamMemberIds !== undefined) {
      await counterparty.teamMembers.init();
      counterparty.teamMembers.set(await this.users(ctx, input.teamMemberIds ?? []));
    }
    await assignProfile(ctx, counterparty, input, false);
    await ctx.em.flush();
    return counterparty;
  }

  async delete(ctx: Context, id: string): Promise<Counterparty> {
    const counterparty = await this.forChange(ctx, id);
    ctx.em.remove(counterparty);
    await ctx.em.flush();
    return counterparty;
  }

  /** NOT_FOUND also when the record exists but the record rules hide it from the caller. */
  private async forChange(ctx: Context, id: string, version?: number): Promise<Counterparty> {
    if (!(await this.get(ctx, id))) throw notFound(Counterparty.name, id);
    return findForChange(ctx.em, Counterparty, id, version);
  }

  /**
   * Tax ids must fit the kind (INN length and check digits, KPP for companies only) and bank
   * details their digits; all refused at once, so one save shows every mistake.
   */
  private checkRequisites(name: string, kind: CounterpartyKind, inn: string | null, kpp: string | null, bank: BankDetailsInput | null | undefined): void {
    const fields: FieldMessages = {};
    if (!name.trim()) fields.name = required('must not be blank');
    const innRefused = inn ? innProblem(inn, kind) : null;
    if (innRefused) fields.inn = innRefused;
    const kppRefused = kpp ? kppProblem(kpp, kind) : null;
    if (kppRefused) fields.kpp = kppRefused;
    for (const field of Object.keys(BANK_DIGITS) as (keyof typeof BANK_DIGITS)[]) {
      const value = clean(bank?.[field]);
      const refused = value ? bankDetailProblem(field, value) : null;
      if (refused) fields[`bank.${field}`] = refused;
    }
    if (Object.keys(fields).length) throw badInput(fields);
  }

  /** Payment terms as sent; a credit limit (≥ 0, to the kopeck, or null) only with credit:update — a manager cannot lift their own client's limit. */
  private assignCreditTerms(ctx: Context, counterparty: Counterparty, input: CounterpartyDetailsInput): void {
    if (input.paymentTermsDays !== undefined && input.paymentTermsDays !== null) counterparty.paymentTermsDays = input.paymentTermsDays;
    if (input.creditLimit === undefined || sameLimit(input.creditLimit, counterparty.creditLimit)) return;
    if (!ctx.user?.permissions.has('credit:update')) throw forbidden('Only a user who may set credit limits (credit:update) can change the credit limit of a client');
    const limit = input.creditLimit === null ? null : new Decimal(input.creditLimit);
    if (limit && (limit.isNegative() || limit.decimalPlaces() > 2 || limit.gt(MAX_MONEY))) throw badInput({ creditLimit: problem(FieldReason.INVALID, 'must be an amount not below 0, to the kopeck') });
    counterparty.creditLimit = limit ? limit.toFixed(2) : null;
  }

  private assignBank(counterparty: Counterparty, bank: BankDetailsInput): void {
    for (const field of BANK_FIELDS) if (bank[field] !== undefined) counterparty.bank[field] = clean(bank[field]);
  }

  /**
   * The owner of a new or reassigned record. A sales manager without broader rights
   * always owns what they create; others may name anyone (or nobody) and default to themselves.
   */
  private async ownerFor(ctx: Context, ownerId: string | null | undefined, mayName = seesAllCounterparties(ctx.user)): Promise<Ref<User> | null> {
    const me = ctx.user!.id;
    const id = !mayName || ownerId === undefined ? me : ownerId;
    if (!id) return null;
    if (id !== me) await this.users(ctx, [id], 'ownerId');
    return ctx.em.getReference(User, id, { wrapped: true });
  }

  /**
   * The client's own price type; none means the default one (pricing). Choosing it is a
   * commercial decision (a dealer price type is a discount), so it takes 'priceType:update':
   * a sales manager cannot give a client better prices than their manual discount cap allows.
   */
  private async priceTypeFor(ctx: Context, priceTypeId: string | null): Promise<Ref<PriceType> | null> {
    if (!ctx.user?.permissions.has('priceType:update')) throw forbidden('Only a user who may edit price types can choose the price type of a client');
    if (!priceTypeId) return null;
    const priceType = await ctx.services.priceTypes.get(ctx, priceTypeId);
    if (!priceType) throw badInput({ priceTypeId: noSuch('PriceType', 'no such price type') });
    if (!priceType.active) throw badInput({ priceTypeId: problem(FieldReason.INACTIVE, `price type ${priceType.code} is not active`, { entity: 'PriceType', name: priceType.code }) });
    return ctx.em.getReference(PriceType, priceTypeId, { wrapped: true });
  }

  private async users(ctx: Context, ids: string[], field = 'teamMemberIds'): Promise<User[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const users = await ctx.em.find(User, { id: { $in: unique } });
    const missing = unique.filter((id) => !users.some((user) => user.id === id));
    if (missing.length) throw badInput({ [field]: noSuch('User', `no such user: ${missing.join(', ')}`) });
    return users;
  }
}
