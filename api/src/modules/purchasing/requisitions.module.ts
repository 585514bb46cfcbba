import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { FULL, POSTING, Role } from '../identity/permissions';
import { ReorderRule, ReorderSuggestionRow } from './reorder-rule.entity';
import { ReorderRuleService } from './reorder-rule.service';
import { reorderJobs, ReorderSuggestionService } from './reorder-suggestion.service';
import { ReorderRuleResolver, ReorderSuggestionGroupResolver, ReorderSuggestionResolver } from './reorder.resolver';
import { PurchaseOrderDraftingService } from './purchase-order-drafting.service';
import { RequisitionOrderingService } from './requisition-ordering.service';
import { PurchaseRequisition, PurchaseRequisitionLine, RequisitionLineOrder } from './requisition.entity';
import { RequisitionLineResolver, RequisitionResolver } from './requisition.resolver';
import { RequisitionService } from './requisition.service';

export interface RequisitionServices {
  requisitions: RequisitionService;
  requisitionOrdering: RequisitionOrderingService;
  purchaseOrderDrafting: PurchaseOrderDraftingService;
  reorderRules: ReorderRuleService;
  reorderSuggestions: ReorderSuggestionService;
}

/** Purchasing's demand side (issue 14, items 1–2): purchase requisitions, min/max reorder rules and reorder suggestions. */
export const requisitionsModule: ModuleDefinition<RequisitionServices> = defineModule({
  name: 'requisitions',
  entities: [PurchaseRequisition, PurchaseRequisitionLine, RequisitionLineOrder, ReorderRule, ReorderSuggestionRow],
  resolvers: [RequisitionResolver, RequisitionLineResolver, ReorderRuleResolver, ReorderSuggestionResolver, ReorderSuggestionGroupResolver],
  services: () => ({
    requisitions: new RequisitionService(),
    requisitionOrdering: new RequisitionOrderingService(),
    purchaseOrderDrafting: new PurchaseOrderDraftingService(),
    reorderRules: new ReorderRuleService(),
    reorderSuggestions: new ReorderSuggestionService(),
  }),
  jobs: reorderJobs,
  constraintMessages: {
    purchase_requisition_line_quantity_positive: { code: ErrorCode.BAD_USER_INPUT, message: 'must be greater than 0', field: 'lines' },
    reorder_rule_min_not_above_max: { code: ErrorCode.BAD_USER_INPUT, message: 'the reorder point must not be above the reorder level', field: 'minQuantity' },
  },
  permissions: {
    resources: ['requisition', 'reorder'],
    // requisition:approve decides requisitions and sees everyone's once submitted
    fields: ['requisition:approve'],
    grants: {
      [Role.PURCHASING]: { resources: { requisition: FULL, reorder: POSTING }, fields: ['requisition:approve'] },
      [Role.SALES_HEAD]: { resources: { requisition: FULL } },
      [Role.SALES_MANAGER]: { resources: { requisition: FULL } },
      [Role.WAREHOUSE]: { resources: { requisition: FULL, reorder: FULL } },
    },
  },
});
