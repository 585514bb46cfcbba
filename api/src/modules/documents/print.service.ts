import type { Context } from '../../server/context';
import { requireUser } from '../../server/access';
import { RequestGate } from '../../server/request-gate';
import { AppError, badInput, ErrorCode, forbidden } from '../../shared/errors';
import { FieldReason, problem } from '../../shared/field-errors';
import { isUuid } from '../../shared/uuid';
import type { PrintLanguage } from './amount-in-words';
import { PRINT_LINK_SECONDS, type PrintGrant, type PrintLinkSigner } from './print-link';
import { combinedPage, CONTENT_TYPES, type PrintableType, type PrintForm, type PrintFormat, type PrintRegistry } from './print-form';
import { renderPdf } from './pdf-renderer';

export interface PrintArgs {
  documentType: string;
  id: string;
  /** The type's first form when not given. */
  form?: string | null;
  lang?: string | null;
  format: string;
  /** A statement's period (forms with `period`). */
  from?: string | null;
  to?: string | null;
}

/** Several documents of one type in one PDF: a selection of a list. */
export interface BatchPrintArgs {
  documentType: string;
  ids: readonly string[];
  form?: string | null;
  lang?: string | null;
}

/** The most documents one batch prints: a page of a list. */
export const MAX_BATCH = 100;

/** The id segment of a batch's path: /print/<documentType>/batch.pdf?ids=… */
export const BATCH_ID = 'batch';

export interface PrintedDocument {
  body: Buffer;
  contentType: string;
  fileName: string;
}

const LANGUAGES: readonly PrintLanguage[] = ['ru', 'en'];
const notFound = () => new AppError(ErrorCode.NOT_FOUND, 'No such document');

/**
 * Printing (issue 15): finds the form of a type, checks what is asked, renders under the
 * caller's access (the document service's own `get`, so record rules apply) and signs
 * short-lived links. Renders take turns per caller: a PDF of 300 lines takes a core for
 * a second or two.
 */
export class PrintService {
  private readonly gate = new RequestGate({ running: 1, queued: 4 });

  constructor(
    readonly registry: PrintRegistry,
    private readonly signer: PrintLinkSigner,
  ) {}

  /** The types and forms the caller may print. */
  printable(ctx: Context): PrintableType[] {
    return this.registry.all().filter((type) => ctx.user?.permissions.has(type.permission));
  }

  /**
   * The form, language and format asked for: NOT_FOUND for a type the caller may not print,
   * BAD_USER_INPUT on `form`, `lang` or `format` for one that does not exist.
   */
  resolve(ctx: Context, args: PrintArgs): { type: PrintableType; form: PrintForm; lang: PrintLanguage; format: PrintFormat; period: { from: string; to: string } | null } {
    const type = this.registry.type(args.documentType);
    if (!type) throw badInput({ documentType: problem(FieldReason.NOT_ONE_OF, `prints are ${this.registry.all().map((t) => t.documentType).join(', ')}`, { values: this.registry.all().map((t) => t.documentType) }) });
    if (!requireUser(ctx).user.permissions.has(type.permission)) throw notFound();
    if (!isUuid(args.id)) throw badInput({ id: problem(FieldReason.NOT_AN_ID, 'must be a UUID') });
    const form = args.form ? type.forms.find((f) => f.name === args.form) : type.forms[0];
    if (!form) throw badInput({ form: problem(FieldReason.NOT_ONE_OF, `${type.documentType} prints as ${type.forms.map((f) => f.name).join(', ')}`, { values: type.forms.map((f) => f.name) }) });
    const lang = (args.lang ?? 'ru') as PrintLanguage;
    if (!LANGUAGES.includes(lang)) throw badInput({ lang: problem(FieldReason.NOT_ONE_OF, 'ru or en', { values: [...LANGUAGES] }) });
    const format = args.format as PrintFormat;
    if (!form.formats.includes(format)) throw badInput({ format: problem(FieldReason.NOT_ONE_OF, `${form.name} prints as ${form.formats.join(', ')}`, { values: [...form.formats] }) });
    return { type, form, lang, format, period: form.period ? periodOf(args) : null };
  }

  /** The file; NOT_FOUND when the record is missing or out of the caller's scope. */
  async render(ctx: Context, args: PrintArgs): Promise<PrintedDocument> {
    const { form, lang, format, period } = this.resolve(ctx, args);
    const leave = await this.gate.enter(requireUser(ctx).user.id);
    try {
      const file = await form.render(ctx, { id: args.id, lang, format, period });
      if (!file) throw notFound();
      return { body: file.body, contentType: CONTENT_TYPES[format], fileName: `${file.baseName}.${format}` };
    } finally {
      leave();
    }
  }

  /**
   * The documents one after another in one PDF, each from a new page, in the order given;
   * BAD_USER_INPUT on `ids` for none, more than MAX_BATCH or one that is not an id, on `form`
   * for a form that prints only alone; NOT_FOUND when any of them is missing or out of scope.
   */
  async renderBatch(ctx: Context, args: BatchPrintArgs): Promise<PrintedDocument> {
    const { form, lang } = this.resolveBatch(ctx, args);
    const ids = [...new Set(args.ids)];
    const leave = await this.gate.enter(requireUser(ctx).user.id);
    try {
      const pages = [];
      for (const id of ids) {
        const printed = await form.page!(ctx, { id, lang });
        if (!printed) throw notFound();
        pages.push(printed);
      }
      const baseName = pages.length === 1 ? pages[0].baseName : `${pages[0].baseName}-${pages.length}`;
      const body = await renderPdf(combinedPage(pages.map((p) => p.page), baseName));
      return { body, contentType: CONTENT_TYPES.pdf, fileName: `${baseName}.pdf` };
    } finally {
      leave();
    }
  }

  private resolveBatch(ctx: Context, args: BatchPrintArgs): { type: PrintableType; form: PrintForm; lang: PrintLanguage } {
    if (!args.ids.length) throw badInput({ ids: problem(FieldReason.TOO_FEW, 'must name at least one document', { min: 1 }) });
    if (args.ids.length > MAX_BATCH) throw badInput({ ids: problem(FieldReason.TOO_MANY, `must name at most ${MAX_BATCH} documents`, { max: MAX_BATCH }) });
    const bad = args.ids.findIndex((id) => !isUuid(id));
    if (bad >= 0) throw badInput({ [`ids.${bad}`]: problem(FieldReason.NOT_AN_ID, 'must be a UUID') });
    const { type, form, lang } = this.resolve(ctx, { documentType: args.documentType, id: args.ids[0], form: args.form, lang: args.lang, format: 'pdf' });
    if (!form.page || form.period) throw badInput({ form: problem(FieldReason.INVALID, `${form.name} prints one document at a time`) });
    return { type, form, lang };
  }

  /** A link that opens the file without a bearer token for PRINT_LINK_SECONDS, as the caller. */
  link(ctx: Context, args: PrintArgs): { url: string; expiresAt: Date } {
    const { type, form, lang, format, period } = this.resolve(ctx, args);
    return this.signedLink(ctx, { documentType: type.documentType, id: args.id, form: form.name, lang, format, from: period?.from ?? '', to: period?.to ?? '' }, printPath(type.documentType, args.id, format), period ?? {});
  }

  /** A link to a batch (renderBatch), signed for exactly those documents in that order. */
  batchLink(ctx: Context, args: BatchPrintArgs): { url: string; expiresAt: Date } {
    const { type, form, lang } = this.resolveBatch(ctx, args);
    const ids = args.ids.join(',');
    return this.signedLink(ctx, { documentType: type.documentType, id: ids, form: form.name, lang, format: 'pdf', from: '', to: '' }, printPath(type.documentType, BATCH_ID, 'pdf'), { ids });
  }

  private signedLink(ctx: Context, grant: Omit<PrintGrant, 'userId' | 'expiresAt'>, path: string, extra: Record<string, string> = {}): { url: string; expiresAt: Date } {
    // a link opens as the user who asked; an API key's server sends its key instead
    if (requireUser(ctx).user.apiKey) throw forbidden('An API key prints with its own bearer token, not with links');
    const expiresAt = Math.floor(Date.now() / 1000) + PRINT_LINK_SECONDS;
    const token = this.signer.sign({ ...grant, userId: requireUser(ctx).user.id, expiresAt });
    return { url: `${path}?${new URLSearchParams({ ...extra, form: grant.form, lang: grant.lang, token })}`, expiresAt: new Date(expiresAt * 1000) };
  }

  /** What a signed link grants, or null when it is forged or expired. */
  grantOf(token: string): PrintGrant | null {
    return this.signer.verify(token);
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (value: string | null | undefined): value is string => !!value && DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The period a statement is asked for: both days, real dates, the first not after the second (BAD_USER_INPUT on the field at fault). */
function periodOf(args: PrintArgs): { from: string; to: string } {
  const fields: Record<string, ReturnType<typeof problem>> = {};
  if (!isDate(args.from)) fields.from = problem(FieldReason.NOT_A_DATE, 'the first day of the period, YYYY-MM-DD');
  if (!isDate(args.to)) fields.to = problem(FieldReason.NOT_A_DATE, 'the last day of the period, YYYY-MM-DD');
  if (!Object.keys(fields).length && args.from! > args.to!) fields.to = problem(FieldReason.NOT_BEFORE, 'must not be before the first day', { field: 'from', value: args.from! });
  if (Object.keys(fields).length) throw badInput(fields);
  return { from: args.from!, to: args.to! };
}

export const printPath = (documentType: string, id: string, format: string) => `/print/${encodeURIComponent(documentType)}/${encodeURIComponent(id)}.${format}`;
