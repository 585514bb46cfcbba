import { catalogModule } from './catalog/catalog.module';
import { crmModule } from './crm/crm.module';
import { documentsModule } from './documents/documents.module';
import { identityModule } from './identity/identity.module';
import { inventoryModule } from './inventory/inventory.module';
import { ledgerModule } from './ledger/ledger.module';
import { purchasingModule } from './purchasing/purchasing.module';
import { payablesModule } from './payables/payables.module';
import { pricingModule } from './pricing/pricing.module';
import { salesModule } from './sales/sales.module';
import { dealsModule } from './crm/deals.module';
import { requisitionsModule } from './purchasing/requisitions.module';
import { remindersModule } from './reminders/reminders.module';
import { handoverModule } from './crm/handover.module';
import { contactPlansModule } from './crm/contact-plans.module';
import { timelineModule } from './crm/timeline.module';

/** The modules of the application, in the order their services are made and their handlers run. */
export const defaultModules = [identityModule, catalogModule, crmModule, ledgerModule, inventoryModule, purchasingModule, pricingModule, salesModule, dealsModule, payablesModule, requisitionsModule, remindersModule, handoverModule, contactPlansModule, timelineModule, documentsModule] as const;
