import type { Context } from '../../server/context';
import type { Permission } from '../identity/permissions';
import type { PrintLanguage } from './amount-in-words';
import type { Words } from './form-layout';
import { renderPdf, type PdfPage } from './pdf-renderer';

export type PrintFormat = 'pdf' | 'xlsx';

export const CONTENT_TYPES: Readonly<Record<PrintFormat, string>> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** What a form prints a record as. */
export interface PrintedFile {
  body: Buffer;
  /** Without the extension: the number of the document, e.g. RC-2026-000017. */
  baseName: string;
}

/** A PDF form's pages before they are rendered: one document alone, or one of a batch. */
export interface PrintedPage {
  page: PdfPage;
  /** Without the extension, as PrintedFile's. */
  baseName: string;
}

export interface PrintRequest {
  id: string;
  lang: PrintLanguage;
  format: PrintFormat;
  /** The period of a statement (a reconciliation statement); only for forms that ask for one. */
  period?: { from: string; to: string } | null;
}

/** One printed form of a document type, e.g. ТОРГ-13 of a transfer. */
export interface PrintForm {
  /** In the URL: ?form=torg-13. */
  name: string;
  label: Words;
  formats: readonly PrintFormat[];
  /** A statement for a period: `from` and `to` are required (BAD_USER_INPUT on them otherwise). */
  period?: boolean;
  /** The file, or null when the record is missing or out of the caller's scope (the service's own `get` decides). */
  render(ctx: Context, request: PrintRequest): Promise<PrintedFile | null>;
  /** A PDF form's pages, so several documents print as one PDF (a batch, a shipment's set of papers). */
  page?(ctx: Context, request: Omit<PrintRequest, 'format'>): Promise<PrintedPage | null>;
}

/** A form printed only as PDF from its pages: rendered alone, or into a batch. */
export function pdfForm(form: { name: string; label: Words; page: NonNullable<PrintForm['page']>; period?: boolean }): PrintForm {
  return {
    ...form,
    formats: ['pdf'],
    async render(ctx, request) {
      // the pages read what they need of the request: its id, language and (a statement) period
      const printed = await form.page(ctx, request);
      return printed && { body: await renderPdf(printed.page), baseName: printed.baseName };
    },
  };
}

/** Pages of several documents as one PDF, each from a new page (the page numbers run through the whole file). */
export function combinedPage(pages: readonly PdfPage[], title: string): PdfPage {
  return {
    title,
    lang: pages[0].lang,
    orientation: pages[0].orientation,
    content: pages.flatMap((page, i) => (i ? [{ text: '', pageBreak: 'before' as const, pageOrientation: page.orientation ?? 'portrait' }, ...page.content] : page.content)),
  };
}

/** A type of record that prints: the first form is the default. */
export interface PrintableType {
  /** In the URL: /print/goods-receipt/<id>.pdf. */
  documentType: string;
  /** What the caller must hold to print it at all; without it the record is as missing (404). */
  permission: Permission;
  forms: readonly PrintForm[];
}

/**
 * The forms of every type that prints (documentType → forms → builder). A module that
 * adds a document adds its forms here as one more entry; nothing else names them.
 */
export class PrintRegistry {
  private readonly types = new Map<string, PrintableType>();

  constructor(types: readonly PrintableType[]) {
    for (const type of types) {
      if (this.types.has(type.documentType)) throw new Error(`Printable type ${type.documentType} is declared twice`);
      this.types.set(type.documentType, type);
    }
  }

  type(documentType: string): PrintableType | undefined {
    return this.types.get(documentType);
  }

  all(): PrintableType[] {
    return [...this.types.values()];
  }
}
