import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { EDIT, FULL, READ, Role } from '../identity/permissions';
import { CounterpartyTeamMember } from './counterparty-team-member.entity';
import { BankDetails, Counterparty } from './counterparty.entity';
import { CounterpartyResolver } from './counterparty.resolver';
import { CounterpartyService } from './counterparty.service';

export interface CrmServices {
  counterparties: CounterpartyService;
}

/** Counterparties: clients and suppliers (the CRM grows here). */
export const crmModule: ModuleDefinition<CrmServices> = defineModule({
  name: 'crm',
  entities: [BankDetails, Counterparty, CounterpartyTeamMember],
  resolvers: [CounterpartyResolver],
  services: () => ({ counterparties: new CounterpartyService() }),
  constraintMessages: {
    counterparty_has_role: { code: ErrorCode.BAD_USER_INPUT, field: 'roles', message: 'give the counterparty at least one role' },
    counterparty_inn_kpp_unique: { code: ErrorCode.CONFLICT, field: 'inn', message: 'is already taken' },
  },
  permissions: {
    resources: ['counterparty'],
    // credit:update sets a client's credit limit (credit control)
    fields: ['credit:update'],
    grants: {
      [Role.SALES_HEAD]: { resources: { counterparty: FULL }, fields: ['credit:update'] },
      [Role.SALES_MANAGER]: { resources: { counterparty: EDIT } },
      [Role.WAREHOUSE]: { resources: { counterparty: READ } },
      [Role.PURCHASING]: { resources: { counterparty: EDIT } },
      [Role.MARKETING]: { resources: { counterparty: READ } },
      [Role.SERVICE]: { resources: { counterparty: READ } },
      [Role.ACCOUNTANT]: { resources: { counterparty: ['read', 'update'] }, fields: ['credit:update'] },
      [Role.PARTNER]: { resources: { counterparty: READ } },
    },
  },
});
