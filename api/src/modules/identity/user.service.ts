import type { Context } from '../../server/context';
import { assignSent, baseConditions, findById, findForChange, listPage } from '../../shared/crud';
import { badInput } from '../../shared/errors';
import { emitAfterCommit } from '../../shared/event-bus';
import { FieldReason, noSuch, problem } from '../../shared/field-errors';
import type { Page } from '../../shared/pagination';
import { Counterparty } from '../crm/counterparty.entity';
import { hashPassword } from './password';
import { Role } from './permissions';
import { sameAccess, USER_ACCESS_CHANGED, type SessionService } from './session.service';
import { User } from './user.entity';
import type { CreateUserInput, UpdateUserInput, UserListArgs } from './user.inputs';

const SORTABLE = ['email', 'name', 'team', 'active', 'counterparty.name', 'createdAt', 'updatedAt', 'lastLoginAt'] as const;

/** Staff and partner accounts, managed by administrators. */
export class UserService {
  constructor(private readonly sessions: SessionService) {}

  list(ctx: Context, args: UserListArgs): Promise<Page<User>> {
    const f = args.filter;
    const conditions = baseConditions<User>(f, ['email', 'name']);
    if (f?.role) conditions.push({ roles: { $contains: [f.role] } });
    if (f?.active !== undefined && f?.active !== null) conditions.push({ active: f.active });
    if (f?.team) conditions.push({ team: f.team });
    return listPage(ctx.em, User, conditions, args, SORTABLE, 'name');
  }

  get(ctx: Context, id: string): Promise<User | null> {
    return findById(ctx.em, User, id);
  }

  async create(ctx: Context, input: CreateUserInput): Promise<User> {
    const user = ctx.em.create(User, {
      email: input.email.trim().toLowerCase(),
      name: input.name.trim(),
      passwordHash: await hashPassword(input.password),
      roles: [...new Set(input.roles)],
      team: input.team ?? null,
      active: input.active,
      counterparty: await this.partnerCounterparty(ctx, input.roles, input.counterpartyId),
    });
    await ctx.em.flush();
    return user;
  }

  async update(ctx: Context, id: string, input: UpdateUserInput): Promise<User> {
    const user = await findForChange(ctx.em, User, id, input.version);
    const before = this.sessions.authUserOf(user);
    assignSent(user, input, ['name', 'team', 'active']);
    if (input.email !== undefined) user.email = input.email.trim().toLowerCase();
    if (input.roles !== undefined) user.roles = [...new Set(input.roles)];
    if (input.password !== undefined) {
      user.passwordHash = await hashPassword(input.password);
      user.hasDemoPassword = false;
    }
    if (input.counterpartyId !== undefined || input.roles !== undefined) {
      const counterpartyId = input.counterpartyId !== undefined ? input.counterpartyId : (user.counterparty?.id ?? null);
      user.counterparty = await this.partnerCounterparty(ctx, user.roles, counterpartyId);
    }
    if (id === ctx.user?.id && (user.active === false || !user.roles.includes(Role.ADMIN))) {
      throw badInput({ roles: problem(FieldReason.OWN_ADMIN_ROLE, 'you cannot remove your own ADMIN role or deactivate yourself') });
    }
    const access = this.sessions.authUserOf(user);
    await ctx.em.flush();
    this.sessions.forget(user.id);
    if (!user.active || !sameAccess(before, access)) emitAfterCommit(ctx, USER_ACCESS_CHANGED, { userId: user.id });
    return user;
  }

  async delete(ctx: Context, id: string): Promise<User> {
    const user = await findForChange(ctx.em, User, id);
    if (id === ctx.user?.id) throw badInput({ id: problem(FieldReason.DELETE_YOURSELF, 'you cannot delete yourself') });
    ctx.em.remove(user);
    await ctx.em.flush();
    this.sessions.forget(user.id);
    emitAfterCommit(ctx, USER_ACCESS_CHANGED, { userId: user.id });
    return user;
  }

  /** A PARTNER acts for exactly one counterparty; other roles may not be tied to one. */
  private async partnerCounterparty(ctx: Context, roles: Role[], counterpartyId: string | null | undefined) {
    const isPartner = roles.includes(Role.PARTNER);
    if (isPartner && !counterpartyId) throw badInput({ counterpartyId: problem(FieldReason.PARTNER_NEEDS_COUNTERPARTY, 'a PARTNER user must be linked to a counterparty') });
    if (!isPartner) return null;
    const counterparty = await findById(ctx.em, Counterparty, counterpartyId!);
    if (!counterparty) throw badInput({ counterpartyId: noSuch('Counterparty', 'no such counterparty') });
    return ctx.em.getReference(Counterparty, counterparty.id, { wrapped: true });
  }
}
