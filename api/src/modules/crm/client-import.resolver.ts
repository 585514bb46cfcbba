import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context';
import { ClientImportPreview, ClientImportReport, ClientMergeResult, ClientSheetInput, ExportClientsArgs, ExportedFile, ImportClientsInput, MergeClientsArgs } from './client-import.inputs';

/** Clients in and out of spreadsheets, and the merge of two duplicates (issue 13 §1, §2). */
@Resolver()
export class ClientImportResolver {
  @Authorized('client:import')
  @Query(() => ClientImportPreview, { description: 'The columns and first rows of a file, for the column mapping of importClients' })
  clientImportPreview(@Arg('input') input: ClientSheetInput, @Ctx() ctx: Context) {
    return ctx.services.clientImport.preview(input);
  }

  @Authorized('client:import')
  @Mutation(() => ClientImportReport, { description: 'Clients and their contact persons from an XLSX or CSV file; dryRun reports what the import would do, row by row, and writes nothing' })
  importClients(@Arg('input') input: ImportClientsInput, @Ctx() ctx: Context) {
    return ctx.services.clientImport.importClients(ctx, input);
  }

  @Authorized('counterparty:read')
  @Query(() => ExportedFile, { description: 'The clients list of the filter (and the caller\'s record rules) as an XLSX file' })
  exportClients(@Args() args: ExportClientsArgs, @Ctx() ctx: Context) {
    return ctx.services.clientExport.exportClients(ctx, args);
  }

  @Authorized('client:merge')
  @Mutation(() => ClientMergeResult, { description: 'Moves everything of the duplicate (documents, registers, contacts, notes, team) onto the kept client and deletes the duplicate' })
  mergeClients(@Args() args: MergeClientsArgs, @Ctx() ctx: Context) {
    return ctx.services.clientMerge.merge(ctx, args.keepId, args.mergeId);
  }
}
