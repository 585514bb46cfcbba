import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { GraphQLJSONObject } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FieldReason, type FieldParams } from '../../shared/field-errors';
import { Counterparty } from './counterparty.entity';
import { CounterpartyFilter } from './counterparty.inputs';

/** A spreadsheet's format: exceljs reads both. */
export enum ClientSheetFormat {
  XLSX = 'XLSX',
  CSV = 'CSV',
}
registerEnumType(ClientSheetFormat, { name: 'ClientSheetFormat' });

/** What a column of an imported file fills: a client field, or one of the contact person made with it. */
export enum ClientImportField {
  NAME = 'NAME',
  INN = 'INN',
  KPP = 'KPP',
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
  WEBSITE = 'WEBSITE',
  STATUS = 'STATUS',
  REGION = 'REGION',
  INDUSTRY = 'INDUSTRY',
  SEGMENT = 'SEGMENT',
  LEAD_SOURCE = 'LEAD_SOURCE',
  TAGS = 'TAGS',
  OWNER = 'OWNER',
  NOTES = 'NOTES',
  CONTACT_NAME = 'CONTACT_NAME',
  CONTACT_POSITION = 'CONTACT_POSITION',
  CONTACT_PHONE = 'CONTACT_PHONE',
  CONTACT_EMAIL = 'CONTACT_EMAIL',
}
registerEnumType(ClientImportField, {
  name: 'ClientImportField',
  description: 'REGION, INDUSTRY, SEGMENT, LEAD_SOURCE by the name of the reference entry; TAGS separated by commas; OWNER by the user\'s email',
});

/** What the import does (or would do) with a row. */
export enum ClientImportAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  SKIP = 'SKIP',
  REFUSE = 'REFUSE',
}
registerEnumType(ClientImportAction, { name: 'ClientImportAction' });

/** What a row matching a client we already have (same INN, phone or email) does. */
export enum ClientImportOnDuplicate {
  SKIP = 'SKIP',
  UPDATE = 'UPDATE',
  CREATE = 'CREATE',
}
registerEnumType(ClientImportOnDuplicate, { name: 'ClientImportOnDuplicate', description: 'SKIP it, UPDATE the client found (one, in the caller\'s scope), or CREATE a deliberate duplicate' });

/** The largest file taken, decoded. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The most data rows one import takes. */
export const MAX_IMPORT_ROWS = 10_000;

@InputType()
export class ClientSheetInput {
  @Field({ description: 'The file, base64 (a data URL is accepted); at most 5 MB decoded' })
  @MaxLength(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 200, { message: 'must be a file of at most 5 MB' })
  file: string;

  @Field(() => String, { nullable: true, description: 'The format follows from it (.xlsx, .csv) when none is given' })
  @IsOptional()
  @MaxLength(255)
  fileName?: string | null;

  @Field(() => ClientSheetFormat, { nullable: true })
  @IsOptional()
  @IsEnum(ClientSheetFormat)
  format?: ClientSheetFormat | null;

  @Field(() => String, { nullable: true, description: 'The worksheet of an XLSX file; the first when none' })
  @IsOptional()
  @MaxLength(100)
  sheet?: string | null;

  @Field(() => Int, { defaultValue: 1, description: 'The line holding the column headers; the data follow it' })
  @IsInt()
  @Min(1)
  @Max(100)
  headerRow: number = 1;
}

@InputType()
export class ClientImportMappingInput {
  @Field(() => Int, { description: 'The column, counted from 1 (A = 1), as the preview lists them' })
  @IsInt()
  @Min(1)
  @Max(1000)
  column: number;

  @Field(() => ClientImportField)
  @IsEnum(ClientImportField)
  field: ClientImportField;
}

@InputType()
export class ImportClientsInput extends ClientSheetInput {
  @Field(() => [ClientImportMappingInput], { description: 'Each field at most once; NAME is required. Columns not mapped are ignored' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  mapping: ClientImportMappingInput[];

  @Field({ defaultValue: true, description: 'Report what would happen and write nothing' })
  @IsBoolean()
  dryRun: boolean = true;

  @Field(() => ClientImportOnDuplicate, { defaultValue: ClientImportOnDuplicate.SKIP })
  @IsEnum(ClientImportOnDuplicate)
  onDuplicate: ClientImportOnDuplicate = ClientImportOnDuplicate.SKIP;
}

@ObjectType()
export class ClientSheetColumn {
  @Field(() => Int, { description: 'Counted from 1 (A = 1)' })
  index: number;

  @Field({ description: 'The header cell\'s text ("" when blank)' })
  header: string;

  @Field(() => ClientImportField, { nullable: true, description: 'The field its header suggests (Название, ИНН, Phone…)' })
  suggestedField: ClientImportField | null;
}

@ObjectType()
export class ClientSheetRow {
  @Field(() => Int, { description: 'The line of the file' })
  row: number;

  @Field(() => [String], { description: 'One text per column, "" for a blank cell' })
  cells: string[];
}

@ObjectType()
export class ClientImportPreview {
  @Field(() => ClientSheetFormat)
  format: ClientSheetFormat;

  @Field(() => [String], { description: 'The worksheets of the file (one for a CSV)' })
  sheets: string[];

  @Field()
  sheet: string;

  @Field(() => [ClientSheetColumn])
  columns: ClientSheetColumn[];

  @Field(() => [ClientSheetRow], { description: 'The first data rows (up to 10)' })
  rows: ClientSheetRow[];

  @Field(() => Int, { description: 'Data rows below the header, blank ones not counted' })
  totalRows: number;
}

@ObjectType()
export class ClientImportProblem {
  @Field({ description: 'The field of the row (inn, phone, contactPhone, region…)' })
  field: string;

  @Field(() => FieldReason)
  reason: FieldReason;

  @Field()
  message: string;

  @Field(() => GraphQLJSONObject)
  params: FieldParams;
}

@ObjectType()
export class ClientImportClient {
  @Field(() => ID, { nullable: true, description: 'Null for a client a dry run would create' })
  id: string | null;

  @Field()
  name: string;
}

@ObjectType()
export class ClientImportRow {
  @Field(() => Int, { description: 'The line of the file' })
  row: number;

  @Field(() => ClientImportAction)
  action: ClientImportAction;

  @Field(() => ClientImportClient, { nullable: true, description: 'The client made, updated or matched' })
  client: ClientImportClient | null;

  @Field(() => [ClientImportProblem], { description: 'Why a row is refused (or which client a skipped row matched)' })
  problems: ClientImportProblem[];
}

@ObjectType()
export class ClientImportReport {
  @Field()
  dryRun: boolean;

  @Field(() => Int)
  created: number;

  @Field(() => Int)
  updated: number;

  @Field(() => Int)
  skipped: number;

  @Field(() => Int)
  refused: number;

  @Field(() => [ClientImportRow], { description: 'Every data row of the file, in order' })
  rows: ClientImportRow[];
}

@ArgsType()
export class ExportClientsArgs {
  @Field(() => CounterpartyFilter, { nullable: true, description: 'The filter of the clients list' })
  filter?: CounterpartyFilter;
}

@ObjectType()
export class ExportedFile {
  @Field()
  fileName: string;

  @Field()
  contentType: string;

  @Field({ description: 'The file, base64' })
  content: string;

  @Field(() => Int)
  rows: number;
}

@ArgsType()
export class MergeClientsArgs {
  @Field(() => ID, { description: 'The client that stays' })
  @IsUUID('all')
  keepId: string;

  @Field(() => ID, { description: 'The duplicate whose everything moves onto the kept one; it is deleted' })
  @IsUUID('all')
  mergeId: string;
}

@ObjectType()
export class MergedTable {
  @Field({ description: 'The table and column that named the merged client' })
  table: string;

  @Field(() => Int)
  rows: number;
}

@ObjectType()
export class ClientMergeResult {
  @Field(() => Counterparty, { description: 'The kept client, with everything of the merged one' })
  client: Counterparty;

  @Field(() => [MergedTable], { description: 'What moved, per table (only those with rows)' })
  moved: MergedTable[];
}
