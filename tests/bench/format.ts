import type { LoadResult } from './load';

export const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
export const sec = (value: number) => `${(value / 1000).toFixed(2)} s`;
export const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
export const failures = (r: LoadResult) => r.errors + r.timeouts + r.non2xx;

/** Columns padded to their widest cell, a rule under the header, indented by two. */
export function table(rows: string[][], align: ('l' | 'r')[] = []): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => row.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].map((l) => `  ${l}`).join('\n');
}

/** One load run in a cell: req/s, p50 / p99. */
export const loadCell = (r: LoadResult) => `${r.reqPerSec.toFixed(0)} req/s, p50 ${r.latencyP50} / p99 ${r.latencyP99} ms`;

/**
 * The summary of servers measured in the same rounds: mean req/s, latencies, requests,
 * failures and the response size, one column per server.
 */
export function summaryTable(columns: { name: string; results: LoadResult[]; bytes: number }[]): string {
  const row = (label: string, cell: (results: LoadResult[], bytes: number) => string) => [label, ...columns.map((c) => cell(c.results, c.bytes))];
  return table(
    [
      ['', ...columns.map((c) => c.name)],
      row('mean req/s', (rs) => mean(rs.map((r) => r.reqPerSec)).toFixed(0)),
      row('latency p50 (mean of rounds)', (rs) => `${mean(rs.map((r) => r.latencyP50)).toFixed(1)} ms`),
      row('latency p99 (mean of rounds)', (rs) => `${mean(rs.map((r) => r.latencyP99)).toFixed(1)} ms`),
      row('latency p99 (worst round)', (rs) => `${Math.max(...rs.map((r) => r.latencyP99))} ms`),
      row('requests measured (2xx)', (rs) => String(rs.reduce((s, r) => s + r.requests, 0))),
      row('errors + timeouts + non-2xx', (rs) => String(rs.reduce((s, r) => s + failures(r), 0))),
      row('response body', (_, bytes) => `${bytes.toLocaleString('en-US')} B`),
    ],
    ['l', ...columns.map(() => 'r' as const)],
  );
}

/** "A/B = 0.41  (goal ≥ 0.6)  →  not met" */
export const goalLine = (name: string, ratio: number, goal: number) => `${name} = ${ratio.toFixed(2)}  (goal ≥ ${goal})  →  ${ratio >= goal ? 'met' : 'not met'}`;
