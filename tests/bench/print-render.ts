import { amountInWordsBlock, documentTitle, formatMoney, linesTable, partiesBlock, totalsBlock, type Column } from '../../api/src/modules/documents/form-layout';
import { renderPdf } from '../../api/src/modules/documents/pdf-renderer';

interface Line {
  no: number;
  sku: string;
  name: string;
  quantity: string;
  price: string;
  amount: string;
}

const columns: Column<Line>[] = [
  { header: { ru: '№', en: 'No.' }, width: 18, align: 'right', value: (l) => String(l.no) },
  { header: { ru: 'Артикул', en: 'SKU' }, width: 60, value: (l) => l.sku },
  { header: { ru: 'Товар', en: 'Product' }, width: '*', value: (l) => l.name },
  { header: { ru: 'Кол-во', en: 'Qty' }, width: 45, align: 'right', value: (l) => l.quantity },
  { header: { ru: 'Цена', en: 'Price' }, width: 60, align: 'right', value: (l) => formatMoney(l.price, 'ru') },
  { header: { ru: 'Сумма', en: 'Amount' }, width: 70, align: 'right', value: (l) => formatMoney(l.amount, 'ru') },
];

/**
 * The render of a `lines`-line goods document with the forms' own layout (parties, the lines
 * table with its header repeated per page, totals, the sum in words) into a PDF, in process:
 * what a print costs on top of reading the document. The first render loads the fonts.
 */
export async function measurePrintRender(options: { lines: number; rounds: number }, log: (line: string) => void): Promise<{ first: number; rest: number[]; pages: number }> {
  const lines: Line[] = Array.from({ length: options.lines }, (_, i) => ({ no: i + 1, sku: `SKU-${String(i + 1).padStart(5, '0')}`, name: `Товар номер ${i + 1}, длинное наименование для переноса строки`, quantity: String(i + 1), price: '123.45', amount: (123.45 * (i + 1)).toFixed(2) }));
  const total = lines.reduce((sum, l) => sum + Number(l.amount), 0).toFixed(2);
  const render = () =>
    renderPdf({
      title: 'bench',
      lang: 'ru',
      orientation: 'landscape',
      content: [
        documentTitle('ru', { ru: 'Приходная накладная', en: 'Goods receipt' }, 'RC-2026-000001', '2026-03-10'),
        partiesBlock('ru', [{ label: { ru: 'Поставщик', en: 'Supplier' }, name: 'ООО «Поставщик»', inn: '7712345671', kpp: '771201001', address: 'г. Москва' }]),
        linesTable('ru', columns, lines),
        totalsBlock([['Итого:', formatMoney(total, 'ru')]]),
        amountInWordsBlock('ru', lines.length, total),
      ],
    });
  let started = performance.now();
  const pdf = await render();
  const first = performance.now() - started;
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  log(`${options.lines} lines, ${pages} pages, ${Math.round(pdf.length / 1024)} KB: first render ${Math.round(first)} ms (fonts loaded)`);
  const rest: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    started = performance.now();
    await render();
    rest.push(performance.now() - started);
    log(`  round ${round + 1}: ${Math.round(rest.at(-1)!)} ms`);
  }
  return { first, rest, pages };
}

// `node -r @swc-node/register tests/bench/print-render.ts` runs it alone
if (require.main === module) {
  void measurePrintRender({ lines: Number(process.env.BENCH_PRINT_LINES ?? 300), rounds: Number(process.env.BENCH_PRINT_ROUNDS ?? 5) }, console.log);
}
