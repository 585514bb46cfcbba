import path from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { PrintLanguage } from './amount-in-words';

/** pdfmake's own Roboto (it covers Cyrillic); Medium stands in for bold, as pdfmake's own build does. */
const FONT_DIR = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

type PdfMake = (typeof import('pdfmake'))['default'];
let ready: Promise<PdfMake> | undefined;

/**
 * pdfmake, loaded on the first print (not at boot: it takes a while to load), with fonts from
 * the package's folder only; no URL and no other file is ever read (images come as data URLs).
 */
function setUp(): Promise<PdfMake> {
  return (ready ??= import('pdfmake').then(({ default: pdfmake }) => {
    configure(pdfmake);
    return pdfmake;
  }));
}

function configure(pdfmake: PdfMake): void {
  const font = (file: string) => path.join(FONT_DIR, file);
  pdfmake.setFonts({ Roboto: { normal: font('Roboto-Regular.ttf'), bold: font('Roboto-Medium.ttf'), italics: font('Roboto-Italic.ttf'), bolditalics: font('Roboto-MediumItalic.ttf') } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(FONT_DIR + path.sep));
}

export interface PdfPage {
  title: string;
  lang: PrintLanguage;
  content: Content[];
  orientation?: 'portrait' | 'landscape';
}

/** An A4 PDF with «Страница N из M» / «Page N of M» at the foot of every page. */
export async function renderPdf(page: PdfPage): Promise<Buffer> {
  const pdfmake = await setUp();
  const definition: TDocumentDefinitions = {
    info: { title: page.title, creator: 'Tradebook' },
    pageSize: 'A4',
    pageOrientation: page.orientation ?? 'portrait',
    pageMargins: [30, 30, 30, 36],
    defaultStyle: { font: 'Roboto', fontSize: 8 },
    styles: {
      title: { fontSize: 12, bold: true, alignment: 'center', margin: [0, 6, 0, 6] },
      header: { bold: true, fillColor: '#eeeeee', alignment: 'center' },
      small: { fontSize: 7, color: '#444444' },
    },
    footer: (current, count) => ({
      text: page.lang === 'ru' ? `Страница ${current} из ${count}` : `Page ${current} of ${count}`,
      alignment: 'right',
      fontSize: 7,
      margin: [30, 12, 30, 0],
    }),
    content: page.content,
  };
  return pdfmake.createPdf(definition).getBuffer();
}

/** Whether pdfmake can embed the image (a data URL that looks right may still be a broken file): the forms must never fail on it later. */
export async function imageRenders(dataUrl: string): Promise<boolean> {
  try {
    await renderPdf({ title: 'image', lang: 'en', content: [{ image: dataUrl, fit: [10, 10] }] });
    return true;
  } catch {
    return false;
  }
}
