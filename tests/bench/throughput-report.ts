import { goalLine, loadCell, mean, summaryTable, table } from './format';
import type { ThroughputReport } from './throughput';

export const THROUGHPUT_GOAL = 0.6; // A/B req/s

export function printThroughput(report: ThroughputReport, options: { connections: number; rounds: number; seconds: number; warmupSeconds: number }) {
  const column = (name: 'a' | 'b' | 'c') => report.rounds.map((r) => r[name]);
  console.log(
    `\nProduct lookup throughput (${options.connections} connections, ${options.rounds} rounds × ${options.seconds} s per server after ${options.warmupSeconds} s warm-up each; ${report.database})`,
  );
  console.log(
    table(
      [
        ['round', 'A: Tradebook', 'B: bare Apollo Server 5 + pg', 'C: node:http + pg (1 SQL)', 'A/B', 'A/C'],
        ...report.rounds.map((r) => [String(r.round), loadCell(r.a), loadCell(r.b), loadCell(r.c), (r.a.reqPerSec / r.b.reqPerSec).toFixed(2), (r.a.reqPerSec / r.c.reqPerSec).toFixed(2)]),
      ],
      ['r', 'l', 'l', 'l', 'r', 'r'],
    ),
  );
  console.log('');
  console.log(
    summaryTable([
      { name: 'A: Tradebook', results: column('a'), bytes: report.responseBytes.a },
      { name: 'B: bare Apollo', results: column('b'), bytes: report.responseBytes.b },
      { name: 'C: node:http + pg', results: column('c'), bytes: report.responseBytes.c },
    ]),
  );
  const meanOf = (name: 'a' | 'b' | 'c') => mean(column(name).map((r) => r.reqPerSec));
  console.log(`\n  ${goalLine('A/B', meanOf('a') / meanOf('b'), THROUGHPUT_GOAL)}`);
  console.log(`  A/C = ${(meanOf('a') / meanOf('c')).toFixed(2)}  (B/C = ${(meanOf('b') / meanOf('c')).toFixed(2)}: what Apollo and graphql-js cost by themselves)`);
  const cpuOf = (name: 'a' | 'b' | 'c') => mean(column(name).map((r) => r.cpuMicrosPerRequest ?? NaN));
  console.log(
    `  server CPU per request: A ${cpuOf('a').toFixed(0)} µs, B ${cpuOf('b').toFixed(0)} µs, C ${cpuOf('c').toFixed(0)} µs  (B/A by CPU = ${(cpuOf('b') / cpuOf('a')).toFixed(2)}: the ratio a CPU-bound server would reach)`,
  );
  if (!report.sameAnswerAfter) console.log('  WARNING: after the runs A, B and C no longer answer the same JSON');
}
