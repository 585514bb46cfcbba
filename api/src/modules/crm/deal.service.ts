import { raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { AuthUser, Context } from '../../server/context';
import { baseConditions, findForChange, isUuid, listPage } from '../../shared/crud';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { decimalPlaces, FieldReason, negative, noSuch, problem, required, type FieldMessages } from '../../shared/field-errors';
import { localToday } from '../../shared/local-date.scalar';
import { Decimal, MAX_MONEY } from '../../shared/money';
import type { Page } from '../../shared/pagination';
import { User } from '../identity/user.entity';
import type { CreateOrderInput } from '../sales/order.inputs';
import { CounterpartyRole, type Counterparty } from './counterparty.entity';
import { Deal, DealStageChange } from './deal.entity';
import { DEAL_CHANGED, emitClientFact, type DealChanged } from './client.events';
import { DealStage, DealStageKind } from './deal-stage.entity';
import { pipelineFigures } from './pipeline-figures';
import type { CreateDealInput, DealListArgs, Pipeline, PipelineArgs, UpdateDealInput } from './deal.inputs';

const SORTABLE = ['title', 'amount', 'expectedCloseDate', 'closedAt', 'createdAt', 'updatedAt', 'stage.position', 'client.name', 'owner.name'] as const;

/** Heads of sales (and administrators) give deals to other owners and delete anyone's. */
const isHead = (user: AuthUser | null) => !!user?.permissions.has('deal:reassign');

/** Blank text is stored as null. */
const clean = (text: string | null | undefined) => text?.trim() || null;

/** Not negative, to the kopeck, within numeric(19,4). */
function amountProblem(amount: string) {
  const value = new Decimal(amount);
  if (value.isNegative()) return negative();
  if (value.decimalPlaces() > 2) return decimalPlaces(2);
  if (value.gt(MAX_MONEY)) return problem(FieldReason.TOO_LARGE, 'is too large');
  return null;
}

/**
 * Deals (issue 13 §8): a client's sale moving through the pipeline's stages. Record rules
 * follow the client's: a sales manager works with the deals of the clients they own or are a
 * team member of, a head of sales (and marketing, reading) with all; a deal out of scope is
 * NOT_FOUND. Every change of stage is kept (DealStageChange) for the client's timeline.
 */
export class DealService {
  /** The record rule as a condition on deals (null: every deal). */
  scope(ctx: Context): FilterQuery<Deal> | null {
    const clients = ctx.services.counterparties.scope(ctx.user);
    return clients ? ({ client: clients } as FilterQuery<Deal>) : null;
  }

  get(ctx: Context, id: string): Promise<Deal | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    const scope = this.scope(ctx);
    return ctx.em.findOne(Deal, scope ? { $and: [{ id }, scope] } : { id });
  }

  list(ctx: Context, args: DealListArgs): Promise<Page<Deal>> {
    const f = args.filter;
    const conditions = baseConditions<Deal>(f, ['title']);
    if (f?.clientId) conditions.push({ client: f.clientId });
    if (f?.ownerId) conditions.push({ owner: f.ownerId });
    if (f?.stageId) conditions.push({ stage: f.stageId });
    if (f?.open === true) conditions.push({ stage: { kind: DealStageKind.OPEN } });
    if (f?.open === false) conditions.push({ stage: { kind: { $ne: DealStageKind.OPEN } } });
    if (f?.expectedCloseFrom) conditions.push({ expectedCloseDate: { $gte: f.expectedCloseFrom } });
    if (f?.expectedCloseTo) conditions.push({ expectedCloseDate: { $lte: f.expectedCloseTo } });
    const scope = this.scope(ctx);
    if (scope) conditions.push(scope);
    return listPage(ctx.em, Deal, conditions, args, SORTABLE, 'createdAt');
  }

  async create(ctx: Context, input: CreateDealInput): Promise<Deal> {
    const fields: FieldMessages = {};
    if (!input.title.trim()) fields.title = required('must not be blank');
    const amountRefused = amountProblem(input.amount);
    if (amountRefused) fields.amount = amountRefused;
    const client = await this.clientFor(ctx, input.clientId, fields);
    const stage = input.stageId ? await this.stageFor(ctx, input.stageId, fields) : await this.firstOpenStage(ctx);
    if (!stage && !fields.stageId) fields.stageId = noSuch('DealStage', 'the pipeline has no active OPEN stage');
    const owner = await this.ownerFor(ctx, input.ownerId, client, fields);
    const lostReason = clean(input.lostReason);
    if (stage?.kind === DealStageKind.LOST && !lostReason) fields.lostReason = this.reasonRequired();
    if (Object.keys(fields).length) throw badInput(fields);
    const deal = ctx.em.create(Deal, {
      client: client!.id,
      title: input.title.trim(),
      stage: stage!.id,
      amount: new Decimal(input.amount).toFixed(2),
      expectedCloseDate: input.expectedCloseDate ?? null,
      owner: owner!,
      lostReason: stage!.kind === DealStageKind.LOST ? lostReason : null,
      closedAt: stage!.kind === DealStageKind.OPEN ? null : new Date(),
    });
    ctx.em.create(DealStageChange, { deal, fromStage: null, toStage: stage!.id, changedBy: ctx.user!.id });
    await ctx.em.flush();
    this.emitChanged(ctx, deal, 'CREATED', null, stage!);
    return deal;
  }

  async update(ctx: Context, id: string, input: UpdateDealInput): Promise<Deal> {
    const deal = await this.forChange(ctx, id, input.version);
    const fields: FieldMessages = {};
    if (input.title !== undefined && input.title !== null && !input.title.trim()) fields.title = required('must not be blank');
    const amountRefused = input.amount !== undefined && input.amount !== null ? amountProblem(input.amount) : null;
    if (amountRefused) fields.amount = amountRefused;
    const client = input.clientId && input.clientId !== deal.client.id ? await this.clientFor(ctx, input.clientId, fields) : null;
    const stage = input.stageId && input.stageId !== deal.stage.id ? await this.stageFor(ctx, input.stageId, fields) : null;
    let owner: string | null = null;
    if (input.ownerId && input.ownerId !== deal.owner.id) {
      if (!isHead(ctx.user)) throw forbidden('Only a head of sales can give a deal to another owner');
      owner = await this.ownerFor(ctx, input.ownerId, null, fields);
    }
    if (stage) this.checkLostReason(stage, deal, input.lostReason, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.title) deal.title = input.title.trim();
    if (input.amount !== undefined && input.amount !== null) deal.amount = new Decimal(input.amount).toFixed(2);
    if (input.expectedCloseDate !== undefined) deal.expectedCloseDate = input.expectedCloseDate;
    if (client) deal.client = ctx.em.getReference('Counterparty', client.id, { wrapped: true }) as Deal['client'];
    if (owner) deal.owner = ctx.em.getReference(User, owner, { wrapped: true });
    if (stage) await this.enterStage(ctx, deal, stage, input.lostReason);
    else if (input.lostReason !== undefined && (await this.stageOf(ctx, deal)).kind === DealStageKind.LOST) {
      if (!clean(input.lostReason)) throw badInput({ lostReason: this.reasonRequired() });
      deal.lostReason = clean(input.lostReason);
    }
    await ctx.em.flush();
    return deal;
  }

  /** The open deals (in an OPEN stage) a user owns, by title: what a handover moves. */
  openOwnedBy(ctx: Context, userId: string): Promise<Deal[]> {
    return ctx.em.find(Deal, { owner: userId, stage: { kind: DealStageKind.OPEN } }, { orderBy: [{ title: 'asc' }, { id: 'asc' }] });
  }

  /** These deals, still owned by `fromUserId`, go to `toUserId` in one statement (a handover); how many moved. */
  reassignOwner(ctx: Context, dealIds: readonly string[], fromUserId: string, toUserId: string): Promise<number> {
    if (!dealIds.length) return Promise.resolve(0);
    return ctx.em.nativeUpdate(Deal, { id: { $in: [...dealIds] }, owner: fromUserId }, { owner: toUserId, version: raw('version + 1'), updatedAt: new Date() });
  }

  /** Into another active stage: a LOST one needs the reason; entering WON or LOST closes the deal, an OPEN stage reopens it. */
  async move(ctx: Context, id: string, stageId: string, lostReason: string | null | undefined, version: number | undefined): Promise<Deal> {
    const deal = await this.forChange(ctx, id, version);
    const fields: FieldMessages = {};
    const stage = await this.stageFor(ctx, stageId, fields);
    if (stage) this.checkLostReason(stage, deal, lostReason, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    await this.enterStage(ctx, deal, stage!, lostReason);
    await ctx.em.flush();
    return deal;
  }

  /**
   * Into the WON stage; with createOrder, a draft customer order for the client (dated today,
   * managed by the deal's owner, no lines yet, the deal's title as its comment) that the deal
   * keeps — made once: a deal that already has its order keeps that one.
   */
  async win(ctx: Context, id: string, version: number | undefined, createOrder: boolean, warehouseId: string | null | undefined): Promise<Deal> {
    const deal = await this.forChange(ctx, id, version);
    if (createOrder && !warehouseId && !deal.order) throw badInput({ warehouseId: required('give the warehouse the order reserves from') });
    const won = await ctx.em.findOne(DealStage, { kind: DealStageKind.WON, active: true });
    if (!won) throw badInput({ stageId: noSuch('DealStage', 'the pipeline has no active WON stage') });
    if (deal.stage.id !== won.id) await this.enterStage(ctx, deal, won, null);
    await ctx.em.flush();
    if (createOrder && !deal.order) {
      if (!ctx.user?.permissions.has('order:create')) throw forbidden('Creating the order needs the right to create orders');
      const order = await ctx.services.orders.create(ctx, {
        clientId: deal.client.id,
        date: localToday(),
        warehouseId: warehouseId!,
        managerId: deal.owner.id,
        comment: `Deal: ${deal.title}`,
        lines: [],
      } as unknown as CreateOrderInput);
      deal.order = ctx.em.getReference('CustomerOrder', order.id, { wrapped: true }) as Deal['order'];
      await ctx.em.flush();
    }
    return deal;
  }

  /** Its owner or a head of sales. */
  async delete(ctx: Context, id: string): Promise<Deal> {
    const deal = await this.forChange(ctx, id);
    if (deal.owner.id !== ctx.user!.id && !isHead(ctx.user)) throw forbidden('Only the owner of a deal (or a head of sales) can delete it');
    ctx.em.remove(deal);
    await ctx.em.flush();
    return deal;
  }

  /** Per active stage in order: the caller's deals in it (owner and expected close as asked), Σ amount and Σ amount × probability / 100 to the kopeck; and the totals. */
  async pipeline(ctx: Context, args: PipelineArgs): Promise<Pipeline> {
    const conditions: FilterQuery<Deal>[] = [];
    if (args.ownerId) conditions.push({ owner: args.ownerId });
    if (args.from) conditions.push({ expectedCloseDate: { $gte: args.from } });
    if (args.to) conditions.push({ expectedCloseDate: { $lte: args.to } });
    const scope = this.scope(ctx);
    if (scope) conditions.push(scope);
    const rows = (await ctx.em
      .createQueryBuilder(Deal, 'd')
      .select([raw('d.stage_id as stage_id'), raw('count(*)::int as count'), raw('sum(d.amount) as amount')])
      .where(conditions.length ? { $and: conditions } : {})
      .groupBy(raw('d.stage_id'))
      .execute('all', false)) as unknown as { stage_id: string; count: number; amount: string }[];
    const sums = new Map(rows.map((row) => [row.stage_id, { count: Number(row.count), amount: row.amount }]));
    return pipelineFigures(await ctx.services.dealStages.active(ctx), sums);
  }

  /** NOT_FOUND also when the deal exists but its client is outside the caller's record rules. */
  private async forChange(ctx: Context, id: string, version?: number): Promise<Deal> {
    if (!(await this.get(ctx, id))) throw notFound(Deal.name, id);
    return findForChange(ctx.em, Deal, id, version);
  }

  private stageOf(ctx: Context, deal: Deal): Promise<DealStage> {
    return ctx.em.findOneOrFail(DealStage, { id: deal.stage.id });
  }

  private reasonRequired() {
    return problem(FieldReason.REQUIRED_FOR, 'say why the deal was lost', { kind: DealStageKind.LOST, enum: 'DealStageKind' });
  }

  /** A LOST stage needs a reason: the one sent, or the one the deal already has when it moves from one LOST stage to another. */
  private checkLostReason(stage: DealStage, deal: Deal, lostReason: string | null | undefined, fields: FieldMessages): void {
    if (stage.kind !== DealStageKind.LOST) return;
    const reason = lostReason === undefined ? clean(deal.lostReason) : clean(lostReason);
    if (!reason) fields.lostReason = this.reasonRequired();
  }

  private async enterStage(ctx: Context, deal: Deal, stage: DealStage, lostReason: string | null | undefined): Promise<void> {
    if (deal.stage.id === stage.id) {
      if (stage.kind === DealStageKind.LOST && clean(lostReason)) deal.lostReason = clean(lostReason);
      return;
    }
    const from = await this.stageOf(ctx, deal);
    deal.lostReason = stage.kind === DealStageKind.LOST ? (lostReason === undefined ? clean(deal.lostReason) : clean(lostReason)) : null;
    if (stage.kind === DealStageKind.OPEN) deal.closedAt = null;
    else if (from.kind !== stage.kind || !deal.closedAt) deal.closedAt = new Date();
    deal.stage = ctx.em.getReference(DealStage, stage.id, { wrapped: true });
    ctx.em.create(DealStageChange, { deal, fromStage: from.id, toStage: stage.id, changedBy: ctx.user!.id });
    this.emitChanged(ctx, deal, 'STAGE_CHANGED', from, stage);
  }

  /** Tells the client's timeline (after commit) of a new deal or a move, with the stages by name. */
  private emitChanged(ctx: Context, deal: Deal, change: DealChanged['change'], from: DealStage | null, to: DealStage): void {
    emitClientFact<DealChanged>(ctx, DEAL_CHANGED, {
      clientId: deal.client.id,
      dealId: deal.id,
      change,
      title: deal.title,
      amount: deal.amount,
      fromStage: from?.name ?? null,
      toStage: to.name,
      stageKind: to.kind,
      lostReason: deal.lostReason ?? null,
    });
  }

  private firstOpenStage(ctx: Context): Promise<DealStage | null> {
    return ctx.em.findOne(DealStage, { active: true, kind: DealStageKind.OPEN }, { orderBy: [{ position: 'asc' }, { name: 'asc' }] });
  }

  /** An active stage of the pipeline, or its problem on stageId. */
  private async stageFor(ctx: Context, stageId: string, fields: FieldMessages): Promise<DealStage | null> {
    const stage = await ctx.services.dealStages.get(ctx, stageId);
    if (!stage) fields.stageId = noSuch('DealStage', 'no such stage');
    else if (!stage.active) fields.stageId = problem(FieldReason.INACTIVE, `stage ${stage.name} is not active`, { entity: 'DealStage', name: stage.name });
    else return stage;
    return null;
  }

  /** A client the caller may see, with the CLIENT role and active, or its problem on clientId. */
  private async clientFor(ctx: Context, clientId: string, fields: FieldMessages): Promise<Counterparty | null> {
    const client = await ctx.services.counterparties.get(ctx, clientId);
    if (!client) fields.clientId = noSuch('Counterparty', 'no such client');
    else if (!client.roles.includes(CounterpartyRole.CLIENT)) fields.clientId = problem(FieldReason.NOT_A_CLIENT, `${client.name} is not a client (give it the CLIENT role)`, { name: client.name });
    else if (!client.active) fields.clientId = problem(FieldReason.INACTIVE, `${client.name} is not active`, { entity: 'Counterparty', name: client.name });
    else return client;
    return null;
  }

  /** Sent: an active user (a head of sales may name anyone, others only themselves). Left out: the client's owner, else the caller. */
  private async ownerFor(ctx: Context, ownerId: string | null | undefined, client: Counterparty | null, fields: FieldMessages): Promise<string | null> {
    const me = ctx.user!.id;
    if (!ownerId) return client?.owner?.id ?? me;
    if (ownerId === me) return me;
    if (!isHead(ctx.user)) throw forbidden('Only a head of sales can give a deal to another owner');
    const user = await ctx.services.users.get(ctx, ownerId);
    if (!user) fields.ownerId = noSuch('User', 'no such user');
    else if (!user.active) fields.ownerId = problem(FieldReason.INACTIVE, `${user.name} is not active`, { entity: 'User', name: user.name });
    else return user.id;
    return null;
  }
}
