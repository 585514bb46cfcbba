// pdfmake's own @types reference the DOM library, which would leak browser globals into the
// server's compile; these are the few shapes the server uses, loosely typed.
declare module 'pdfmake/interfaces' {
  export type TableCell = Content;
  export type Content = string | Content[] | { [key: string]: unknown };
  export interface TDocumentDefinitions {
    content: Content[];
    footer?: (currentPage: number, pageCount: number) => Content;
    [key: string]: unknown;
  }
}

declare module 'pdfmake' {
  import type { TDocumentDefinitions } from 'pdfmake/interfaces';
  interface FontFiles {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  const pdfmake: {
    setFonts(fonts: Record<string, FontFiles>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (file: string) => boolean): void;
    createPdf(definition: TDocumentDefinitions): { getBuffer(): Promise<Buffer> };
  };
  export default pdfmake;
}
