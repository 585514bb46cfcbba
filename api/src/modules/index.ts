import { catalogModule } from './catalog/catalog.module';
import { crmModule } from './crm/crm.module';
import { documentsModule } from './documents/documents.module';
import { identityModule } from './identity/identity.module';
import { inventoryModule } from './inventory/inventory.module';
import { ledgerModule } from './ledger/ledger.module';
import { pricingModule } from './pricing/pricing.module';
import { salesModule } from './sales/sales.module';
import { requisitionsModule } from './purchasing/requisitions.module';

/** The modules of the application, in the order their services are made and their handlers run. */
export const defaultModules = [identityModule, catalogModule, crmModule, ledgerModule, inventoryModule, pricingModule, salesModule, requisitionsModule, documentsModule] as const;
