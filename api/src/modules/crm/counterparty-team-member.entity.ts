import { Entity, Index, ManyToOne, PrimaryKeyProp, type Ref } from '@mikro-orm/core';
import type { User } from '../identity/user.entity';
import type { Counterparty } from './counterparty.entity';

/** The pivot of Counterparty.teamMembers, spelled out so a manager's record rule can look it up by user. */
@Entity({ tableName: 'counterparty_team_member' })
@Index({ name: 'counterparty_team_member_user_id_index', properties: ['user'] })
export class CounterpartyTeamMember {
  [PrimaryKeyProp]?: ['counterparty', 'user'];

  // entities named by string: the two modules import each other
  @ManyToOne({ entity: 'Counterparty', primary: true, deleteRule: 'cascade', ref: true })
  counterparty: Ref<Counterparty>;

  @ManyToOne({ entity: 'User', primary: true, deleteRule: 'cascade', ref: true })
  user: Ref<User>;
}
