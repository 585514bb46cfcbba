import type { Context } from '../../server/context';
import { baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import type { Page } from '../../shared/pagination';
import { badInput } from '../../shared/errors';
import { FieldReason, noSuch, problem, required, type FieldMessages } from '../../shared/field-errors';
import { PriceType } from '../pricing/price-type.entity';
import { ClientReference, ClientReferenceKind } from './client-reference.entity';
import type { ClientReferenceListArgs, CreateClientReferenceInput, UpdateClientReferenceInput } from './client-reference.inputs';

const SORTABLE = ['kind', 'name', 'active', 'createdAt', 'updatedAt'] as const;

/** The reference lists clients are classified by: regions, industries, segments (with a default price type), lead sources. */
export class ClientReferenceService {
  list(ctx: Context, args: ClientReferenceListArgs): Promise<Page<ClientReference>> {
    const f = args.filter;
    const conditions = baseConditions<ClientReference>(f, ['name']);
    if (f?.kind) conditions.push({ kind: f.kind });
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    return listPage(ctx.em, ClientReference, conditions, args, SORTABLE, 'name');
  }

  get(ctx: Context, id: string): Promise<ClientReference | null> {
    return findById(ctx.em, ClientReference, id);
  }

  async create(ctx: Context, input: CreateClientReferenceInput): Promise<ClientReference> {
    const fields: FieldMessages = {};
    if (!input.name.trim()) fields.name = required('must not be blank');
    await this.checkPriceType(ctx, input.kind, input.defaultPriceTypeId, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    const entry = ctx.em.create(ClientReference, { kind: input.kind, name: input.name.trim(), defaultPriceType: input.defaultPriceTypeId ?? null });
    await ctx.em.flush();
    return entry;
  }

  async update(ctx: Context, id: string, input: UpdateClientReferenceInput): Promise<ClientReference> {
    const entry = await findForChange(ctx.em, ClientReference, id, input.version);
    const fields: FieldMessages = {};
    if (input.name !== undefined && !input.name.trim()) fields.name = required('must not be blank');
    await this.checkPriceType(ctx, entry.kind, input.defaultPriceTypeId, fields);
    if (Object.keys(fields).length) throw badInput(fields);
    if (input.name !== undefined) entry.name = input.name.trim();
    if (input.active !== undefined && input.active !== null) entry.active = input.active;
    if (input.defaultPriceTypeId !== undefined) entry.defaultPriceType = input.defaultPriceTypeId ? ctx.em.getReference(PriceType, input.defaultPriceTypeId, { wrapped: true }) : null;
    await ctx.em.flush();
    return entry;
  }

  private async checkPriceType(ctx: Context, kind: ClientReferenceKind, priceTypeId: string | null | undefined, fields: FieldMessages): Promise<void> {
    if (!priceTypeId) return;
    if (kind !== ClientReferenceKind.SEGMENT) {
      fields.defaultPriceTypeId = problem(FieldReason.NOT_USED_BY, 'only a segment has a default price type', { kind, enum: 'ClientReferenceKind' });
      return;
    }
    const priceType = await ctx.services.priceTypes.get(ctx, priceTypeId);
    if (!priceType) fields.defaultPriceTypeId = noSuch('PriceType', 'no such price type');
    else if (!priceType.active) fields.defaultPriceTypeId = problem(FieldReason.INACTIVE, `price type ${priceType.code} is not active`, { entity: 'PriceType', name: priceType.code });
  }
}
