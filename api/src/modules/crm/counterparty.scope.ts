import type { FilterQuery } from '@mikro-orm/postgresql';
import type { AuthUser } from '../../server/context';
import { Role } from '../identity/permissions';
import type { Counterparty } from './counterparty.entity';

/** Roles that see every counterparty; the record rules narrow only the others (DESIGN §8). */
const UNRESTRICTED: readonly Role[] = [Role.ADMIN, Role.SALES_HEAD, Role.ACCOUNTANT, Role.PURCHASING, Role.MARKETING, Role.SERVICE, Role.WAREHOUSE];

export function seesAllCounterparties(user: AuthUser | null): boolean {
  return !!user && user.roles.some((role) => UNRESTRICTED.includes(role));
}

/**
 * The record rule as a condition for the query itself (one statement, no id lists):
 * null when the user sees everything; a sales manager, the counterparties they own or
 * are a team member of (and, as a deputy, those of whom they stand in for today); a
 * partner, only the counterparty their user is linked to.
 */
export function counterpartyScope(user: AuthUser | null): FilterQuery<Counterparty> | null {
  if (seesAllCounterparties(user)) return null;
  const allowed: FilterQuery<Counterparty>[] = [];
  if (user?.roles.includes(Role.SALES_MANAGER)) {
    const people = [user.id, ...(user.standsInFor ?? [])];
    allowed.push({ owner: { $in: people } }, { teamMembers: { $some: { id: { $in: people } } } });
  }
  if (user?.roles.includes(Role.PARTNER) && user.counterpartyId) allowed.push({ id: user.counterpartyId });
  if (!allowed.length) return { id: { $in: [] } }; // no rule grants anything: nothing
  return allowed.length === 1 ? allowed[0] : { $or: allowed };
}
