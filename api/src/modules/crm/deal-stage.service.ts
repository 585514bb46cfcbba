import type { Context } from '../../server/context';
import { baseConditions, findById, findForChange, isUuid, listPage } from '../../shared/crud';
import { badInput, notFound } from '../../shared/errors';
import { FieldReason, problem, required, type FieldMessages } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { Deal } from './deal.entity';
import { DealStage, DealStageKind } from './deal-stage.entity';
import type { CreateDealStageInput, DealStageListArgs, UpdateDealStageInput } from './deal.inputs';

const SORTABLE = ['position', 'name', 'probability', 'kind', 'active', 'createdAt', 'updatedAt'] as const;
const POSITION_STEP = 10;

/**
 * The pipeline's stages, kept by heads of sales. Whatever they change, the active stages
 * keep exactly one WON stage (where won deals go, and the draft orders come from) and at
 * least one LOST one; a stage with deals in it keeps its kind and is not deleted.
 */
export class DealStageService {
  list(ctx: Context, args: DealStageListArgs): Promise<Page<DealStage>> {
    const f = args.filter;
    const conditions = baseConditions<DealStage>(f, ['name']);
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    if (f?.kind) conditions.push({ kind: f.kind });
    return listPage(ctx.em, DealStage, conditions, args, SORTABLE, 'position');
  }

  get(ctx: Context, id: string): Promise<DealStage | null> {
    return findById(ctx.em, DealStage, id);
  }

  /** The active stages in pipeline order. */
  active(ctx: Context): Promise<DealStage[]> {
    return ctx.em.find(DealStage, { active: true }, { orderBy: [{ position: 'asc' }, { name: 'asc' }] });
  }

  async create(ctx: Context, input: CreateDealStageInput): Promise<DealStage> {
    if (!input.name.trim()) throw badInput({ name: required('must not be blank') });
    const [last] = await ctx.em.find(DealStage, {}, { orderBy: { position: 'desc' }, limit: 1 });
    const stage = ctx.em.create(DealStage, {
      name: input.name.trim(),
      position: input.position ?? (last ? last.position + POSITION_STEP : POSITION_STEP),
      probability: input.probability,
      kind: input.kind,
    });
    await ctx.em.flush();
    await this.checkPipeline(ctx, 'kind');
    return stage;
  }

  async update(ctx: Context, id: string, input: UpdateDealStageInput): Promise<DealStage> {
    const stage = await findForChange(ctx.em, DealStage, id, input.version);
    const fields: FieldMessages = {};
    if (input.name !== undefined && !input.name.trim()) fields.name = required('must not be blank');
    if (input.kind && input.kind !== stage.kind) {
      const deals = await ctx.em.count(Deal, { stage: stage.id });
      if (deals) fields.kind = problem(FieldReason.STAGE_HAS_DEALS, `${deals} deal(s) are in the stage; move them before changing its kind`, { count: deals });
    }
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.name !== undefined) stage.name = input.name.trim();
    if (input.position !== undefined && input.position !== null) stage.position = input.position;
    if (input.probability !== undefined && input.probability !== null) stage.probability = input.probability;
    if (input.kind) stage.kind = input.kind;
    if (input.active !== undefined && input.active !== null) stage.active = input.active;
    await ctx.em.flush();
    await this.checkPipeline(ctx, input.active === false ? 'active' : 'kind');
    return stage;
  }

  async delete(ctx: Context, id: string): Promise<DealStage> {
    const stage = isUuid(id) ? await ctx.em.findOne(DealStage, { id }) : null;
    if (!stage) throw notFound(DealStage.name, id);
    const deals = await ctx.em.count(Deal, { stage: stage.id });
    if (deals) throw badInput({ id: problem(FieldReason.STAGE_HAS_DEALS, `${deals} deal(s) are in the stage; move them or make the stage inactive`, { count: deals }) });
    ctx.em.remove(stage);
    await ctx.em.flush();
    await this.checkPipeline(ctx, 'id');
    return stage;
  }

  /** After a change (in its transaction): exactly one active WON stage and at least one active LOST one, else the change is refused on `field`. */
  private async checkPipeline(ctx: Context, field: string): Promise<void> {
    const rows: { kind: DealStageKind; count: string }[] = await ctx.em.execute(`select kind, count(*) as count from deal_stage where active group by kind`);
    const count = (kind: DealStageKind) => Number(rows.find((r) => r.kind === kind)?.count ?? 0);
    const won = count(DealStageKind.WON);
    if (won !== 1) throw badInput({ [field]: problem(FieldReason.ONE_WON_STAGE, `the pipeline must keep exactly one active WON stage (this would leave ${won})`) });
    if (count(DealStageKind.LOST) < 1) throw badInput({ [field]: problem(FieldReason.LOST_STAGE_NEEDED, 'the pipeline must keep at least one active LOST stage') });
  }
}
