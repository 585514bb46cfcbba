import ExcelJS from 'exceljs';
import type { Context } from '../../server/context';
import { badInput } from '../../shared/errors';
import { FieldReason, problem } from '../../shared/field-errors';
import { User } from '../identity/user.entity';
import { ClientReference } from './client-reference.entity';
import type { ExportClientsArgs, ExportedFile } from './client-import.inputs';

/** The most clients one export holds; a larger list is refused (narrow the filter). */
export const MAX_EXPORT_ROWS = 20_000;

const COLUMNS = [
  { header: 'Name', key: 'name', width: 40 },
  { header: 'INN', key: 'inn', width: 14 },
  { header: 'Status', key: 'status', width: 12 },
  { header: 'Region', key: 'region', width: 20 },
  { header: 'Segment', key: 'segment', width: 20 },
  { header: 'Owner', key: 'owner', width: 24 },
  { header: 'Tags', key: 'tags', width: 24 },
  { header: 'Phone', key: 'phone', width: 18 },
  { header: 'Email', key: 'email', width: 28 },
  { header: 'Created', key: 'created', width: 12 },
];

/** A client list as an XLSX workbook: the list's own filter and record rules, so a manager exports exactly what they see. */
export class ClientExportService {
  async exportClients(ctx: Context, args: ExportClientsArgs): Promise<ExportedFile> {
    const page = await ctx.services.counterparties.list(ctx, { filter: args.filter, page: 1, perPage: MAX_EXPORT_ROWS, sort: [{ field: 'name', order: 'ASC' as never }] });
    if (page.total > MAX_EXPORT_ROWS) {
      throw badInput({ filter: problem(FieldReason.TOO_MANY_ROWS, `selects ${page.total} clients; an export holds at most ${MAX_EXPORT_ROWS}: narrow the filter`, { rows: page.total, max: MAX_EXPORT_ROWS }) });
    }
    const clients = page.items;
    const references = await ctx.loaders.byId(ClientReference).loadMany([...new Set(clients.flatMap((c) => [c.region?.id, c.segment?.id].filter((id): id is string => !!id)))]);
    const owners = await ctx.loaders.byId(User).loadMany([...new Set(clients.flatMap((c) => (c.owner ? [c.owner.id] : [])))]);
    const nameOf = new Map<string, string>();
    for (const found of [...references, ...owners]) if (found && !(found instanceof Error)) nameOf.set(found.id, found.name);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Clients');
    sheet.columns = COLUMNS;
    sheet.getRow(1).font = { bold: true };
    for (const c of clients) {
      const row: Record<string, string | null | undefined> = {
        name: c.name,
        inn: c.inn,
        status: c.status,
        region: c.region ? nameOf.get(c.region.id) : null,
        segment: c.segment ? nameOf.get(c.segment.id) : null,
        owner: c.owner ? nameOf.get(c.owner.id) : null,
        tags: c.tags.join(', '),
        phone: c.phoneKey ?? c.phone,
        email: c.email,
        created: c.createdAt.toISOString().slice(0, 10),
      };
      // a blank stays an empty cell, not an empty text
      sheet.addRow(Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value || null])));
    }
    const content = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    return { fileName: `clients-${new Date().toISOString().slice(0, 10)}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content, rows: clients.length };
  }
}
