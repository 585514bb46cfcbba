import type { CatalogueOptions, CatalogueReport } from './catalogue';
import { goalLine, loadCell, mean, summaryTable, table } from './format';

export const CATALOGUE_GOAL = 0.25; // Tradebook/raw req/s

export function printCatalogue(report: CatalogueReport, options: CatalogueOptions) {
  const { page, statements } = report;
  console.log(
    `\nPartner catalogue page (${page.items} of ${page.total} products with unit, group, the partner's price and availability, one request as the demo partner; ` +
      `${options.connections} connections, ${options.rounds} rounds × ${options.seconds} s per server after ${options.warmupSeconds} s warm-up each; ${report.database})`,
  );
  console.log(
    table(
      [['round', 'Tradebook (GraphQL, partner)', 'raw: node:http + pg (1 SQL, json_agg)', 'Tradebook/raw'], ...report.rounds.map((r) => [String(r.round), loadCell(r.a), loadCell(r.raw), (r.a.reqPerSec / r.raw.reqPerSec).toFixed(2)])],
      ['r', 'l', 'l', 'r'],
    ),
  );
  console.log('');
  console.log(
    summaryTable([
      { name: 'Tradebook', results: report.rounds.map((r) => r.a), bytes: report.responseBytes.a },
      { name: 'raw', results: report.rounds.map((r) => r.raw), bytes: report.responseBytes.raw },
    ]),
  );
  const ratio = mean(report.rounds.map((r) => r.a.reqPerSec)) / mean(report.rounds.map((r) => r.raw.reqPerSec));
  console.log(`\n  ${goalLine('Tradebook/raw', ratio, CATALOGUE_GOAL)}`);
  const cpu = (pick: (r: (typeof report.rounds)[number]) => { cpuMicrosPerRequest?: number }) => mean(report.rounds.map((r) => pick(r).cpuMicrosPerRequest ?? NaN));
  console.log(`  server CPU per request: Tradebook ${cpu((r) => r.a).toFixed(0)} µs, raw ${cpu((r) => r.raw).toFixed(0)} µs  (raw/Tradebook by CPU = ${(cpu((r) => r.raw) / cpu((r) => r.a)).toFixed(2)})`);
  console.log(
    `  SQL statements per Tradebook request: ${statements.perRequest.orm} through MikroORM, ${statements.perRequest.wire} sent by the process's pg clients ` +
      `(over ${statements.requests} requests one after another; raw: 1). The page: ${page.priced} priced, ${page.available} available somewhere`,
  );
  if (!report.sameAnswerAfter) console.log('  WARNING: after the runs our server and the raw one no longer answer the same JSON');
}
