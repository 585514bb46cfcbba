import { defineModule, type ModuleDefinition } from '../../server/module';
import { ErrorCode } from '../../shared/errors';
import { EDIT, FULL, READ, Role } from '../identity/permissions';
import { CounterpartyTeamMember } from './counterparty-team-member.entity';
import { BankDetails, Counterparty } from './counterparty.entity';
import { ClientNote } from './client-note.entity';
import { Activity } from './activity.entity';
import { ActivityAssignedResolver, ActivityResolver, CounterpartyActivitiesResolver } from './activity.resolver';
import { ActivityService } from './activity.service';
import { clientLifecycleHandlers } from './client-lifecycle.handlers';
import { ClientReference } from './client-reference.entity';
import { ContactChannel, Contact } from './contact.entity';
import { CounterpartyResolver } from './counterparty.resolver';
import { CounterpartyService } from './counterparty.service';
import { ClientNoteService } from './client-note.service';
import { ClientReferenceService } from './client-reference.service';
import { ContactService } from './contact.service';
import { ClientExportService } from './client-export.service';
import { ClientImportResolver } from './client-import.resolver';
import { ClientImportService } from './client-import.service';
import { ClientMergeService } from './client-merge.service';
import { ClientNoteResolver, ClientReferenceResolver, ContactResolver, CounterpartyProfileResolver } from './crm-profile.resolver';

export interface CrmServices {
  counterparties: CounterpartyService;
  contacts: ContactService;
  clientNotes: ClientNoteService;
  clientReferences: ClientReferenceService;
  activities: ActivityService;
  clientImport: ClientImportService;
  clientExport: ClientExportService;
  clientMerge: ClientMergeService;
}

/** Counterparties: clients and suppliers (the CRM grows here). */
export const crmModule: ModuleDefinition<CrmServices> = defineModule({
  name: 'crm',
  entities: [BankDetails, Counterparty, CounterpartyTeamMember, ClientReference, Contact, ContactChannel, ClientNote, Activity],
  resolvers: [CounterpartyResolver, CounterpartyProfileResolver, ContactResolver, ClientNoteResolver, ClientReferenceResolver, ActivityResolver, CounterpartyActivitiesResolver, ActivityAssignedResolver, ClientImportResolver],
  // a lead or prospect becomes a customer once a sale to it is posted
  jobs: clientLifecycleHandlers,
  services: () => ({
    counterparties: new CounterpartyService(),
    contacts: new ContactService(),
    clientNotes: new ClientNoteService(),
    clientReferences: new ClientReferenceService(),
    activities: new ActivityService(),
    clientImport: new ClientImportService(),
    clientExport: new ClientExportService(),
    clientMerge: new ClientMergeService(),
  }),
  constraintMessages: {
    counterparty_has_role: { code: ErrorCode.BAD_USER_INPUT, field: 'roles', message: 'give the counterparty at least one role' },
    counterparty_inn_kpp_unique: { code: ErrorCode.CONFLICT, field: 'inn', message: 'is already taken' },
    client_reference_name_unique: { code: ErrorCode.CONFLICT, field: 'name', message: 'the list already has an entry of this name' },
    counterparty_lost_reason: { code: ErrorCode.BAD_USER_INPUT, field: 'lostReason', message: 'say why the client was lost' },
    activity_duration_range: { code: ErrorCode.BAD_USER_INPUT, field: 'durationMinutes', message: 'must be 0 to 1440 minutes' },
    activity_reminder_offset_range: { code: ErrorCode.BAD_USER_INPUT, field: 'reminderOffsetMinutes', message: 'must not be negative' },
    activity_completed_when_done: { code: ErrorCode.INVALID_STATE, message: 'a done activity keeps when it was completed, and only a done one' },
  },
  permissions: {
    // contact: contact persons; clientNote: notes about clients; clientReference: regions, industries, segments, lead sources;
    // activity: calls, meetings, tasks and emails with clients
    resources: ['counterparty', 'contact', 'clientNote', 'clientReference', 'activity'],
    // credit:update sets a client's credit limit (credit control); client:import takes clients from spreadsheets, client:merge merges duplicates
    fields: ['credit:update', 'client:import', 'client:merge'],
    grants: {
      [Role.SALES_HEAD]: { resources: { counterparty: FULL, contact: FULL, clientNote: FULL, clientReference: EDIT, activity: FULL }, fields: ['credit:update', 'client:import', 'client:merge'] },
      [Role.SALES_MANAGER]: { resources: { counterparty: EDIT, contact: FULL, clientNote: EDIT, activity: FULL }, fields: ['client:import'] },
      [Role.WAREHOUSE]: { resources: { counterparty: READ } },
      [Role.PURCHASING]: { resources: { counterparty: EDIT, contact: FULL, activity: EDIT } },
      [Role.MARKETING]: { resources: { counterparty: READ, contact: READ, clientNote: READ, clientReference: EDIT, activity: READ } },
      [Role.SERVICE]: { resources: { counterparty: READ, contact: READ, clientNote: EDIT, activity: EDIT } },
      [Role.ACCOUNTANT]: { resources: { counterparty: ['read', 'update'], contact: READ }, fields: ['credit:update'] },
      [Role.PARTNER]: { resources: { counterparty: READ } },
    },
  },
  // a client spreadsheet of up to 5 MB comes base64 in the request (client-import.inputs.ts)
  uploads: ['client:import'],
});
