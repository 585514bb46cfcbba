import { defineModule, type ModuleDefinition } from '../../server/module';
import { DocumentSequence } from './document-sequence.entity';
import { PeriodCloseResolver } from './period-close.resolver';
import { PeriodCloseService } from './period-close.service';

export interface LedgerServices {
  periodClose: PeriodCloseService;
}

/** The posting engine, document numbering and the period close. */
export const ledgerModule: ModuleDefinition<LedgerServices> = defineModule({
  name: 'ledger',
  entities: [DocumentSequence],
  resolvers: [PeriodCloseResolver],
  services: () => ({ periodClose: new PeriodCloseService() }),
});
