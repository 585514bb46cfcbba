import { defineModule, type ModuleDefinition } from '../../server/module';
import { Role } from '../identity/permissions';
import { Handover } from './handover.entity';
import { HandoverResolver } from './handover.resolver';
import { HandoverService } from './handover.service';

export interface HandoverServices {
  handovers: HandoverService;
}

/**
 * Handing a leaving user's clients, activities and deals to another (issue 13 §7). A module
 * beside crm, after deals and reminders, whose services it moves their part through.
 */
export const handoverModule: ModuleDefinition<HandoverServices> = defineModule({
  name: 'handover',
  entities: [Handover],
  resolvers: [HandoverResolver],
  services: () => ({ handovers: new HandoverService() }),
  permissions: {
    // crm:handover moves all of one user's work to another (a head of sales)
    fields: ['crm:handover'],
    grants: { [Role.SALES_HEAD]: { fields: ['crm:handover'] } },
  },
});
