import type { Context } from '../../server/context';
import type { Permission } from '../identity/permissions';
import type { PrintLanguage } from './amount-in-words';
import type { Words } from './form-layout';

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

export interface PrintRequest {
  id: string;
  lang: PrintLanguage;
  format: PrintFormat;
}

/** One printed form of a document type, e.g. ТОРГ-13 of a transfer. */
export interface PrintForm {
  /** In the URL: ?form=torg-13. */
  name: string;
  label: Words;
  formats: readonly PrintFormat[];
  /** The file, or null when the record is missing or out of the caller's scope (the service's own `get` decides). */
  render(ctx: Context, request: PrintRequest): Promise<PrintedFile | null>;
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
