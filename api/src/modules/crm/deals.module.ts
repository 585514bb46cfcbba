import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { FULL, READ, Role } from '../identity/permissions';
import { Deal, DealStageChange } from './deal.entity';
import { CounterpartyDealsResolver, DealResolver, DealStageChangeResolver, DealStageResolver } from './deal.resolver';
import { DealService } from './deal.service';
import { DealStage } from './deal-stage.entity';
import { DealStageService } from './deal-stage.service';

export interface DealServices {
  deals: DealService;
  dealStages: DealStageService;
}

/**
 * The CRM's sales pipeline (issue 13 §8): configurable stages with probabilities, deals with
 * clients moving through them, the pipeline's figures; a won deal can start a draft order.
 * A module of its own beside crm (after sales, whose orders it makes through their service).
 */
export const dealsModule: ModuleDefinition<DealServices> = defineModule({
  name: 'deals',
  entities: [DealStage, Deal, DealStageChange],
  resolvers: [DealResolver, DealStageChangeResolver, DealStageResolver, CounterpartyDealsResolver],
  services: () => ({ deals: new DealService(), dealStages: new DealStageService() }),
  constraintMessages: {
    deal_amount_nonnegative: { code: ErrorCode.BAD_USER_INPUT, field: 'amount', message: 'must not be negative' },
    deal_stage_probability_range: { code: ErrorCode.BAD_USER_INPUT, field: 'probability', message: 'must be 0 to 100' },
    deal_stage_name_unique: { code: ErrorCode.CONFLICT, field: 'name', message: 'the pipeline already has a stage of this name' },
  },
  permissions: {
    // deal: deals with clients (record rules of their clients); dealStage: the pipeline's stages
    resources: ['deal', 'dealStage'],
    // deal:reassign gives a deal to another owner and deletes anyone's (a head of sales)
    fields: ['deal:reassign'],
    grants: {
      [Role.SALES_HEAD]: { resources: { deal: FULL, dealStage: FULL }, fields: ['deal:reassign'] },
      [Role.SALES_MANAGER]: { resources: { deal: FULL, dealStage: READ } },
      [Role.MARKETING]: { resources: { deal: READ, dealStage: READ } },
    },
  },
});
