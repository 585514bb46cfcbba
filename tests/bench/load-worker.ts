/**
 * The load generator, forked by run.ts so autocannon does not share an event loop
 * with the servers it measures. Receives a LoadJob, answers with a LoadResult.
 */
import type { LoadJob, LoadResult } from './load';

interface AutocannonResult {
  duration: number;
  requests: { average: number; total: number };
  latency: { average: number; p50: number; p99: number; max: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

// autocannon ships no types; this is the small part of its API used here
const autocannon: Autocannon = require('autocannon');

process.on('message', (job: LoadJob) => {
  void run(job).then(
    (result) => process.send!({ id: job.id, result }),
    (error: Error) => process.send!({ id: job.id, error: error.message }),
  );
});
process.on('disconnect', () => process.exit(0));

const LOGIN = 'mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { token } }';

/** autocannon's per-request hook: a new email (and maybe IP) each time, so no per-email (or per-IP) limit stops the storm early. */
function loginStorm(ips: 'one' | 'many') {
  return [
    {
      method: 'POST',
      setupRequest: (request: { headers: Record<string, string> }) => {
        const n = Math.floor(Math.random() * 2 ** 24);
        const headers = ips === 'many' ? { ...request.headers, 'x-forwarded-for': `10.${n >> 16}.${(n >> 8) & 255}.${n & 255}` } : request.headers;
        return { ...request, headers, body: JSON.stringify({ query: LOGIN, variables: { email: `intruder-${n}@example.com`, password: 'wrong-password' } }) };
      },
    },
  ];
}

async function run(job: LoadJob): Promise<LoadResult> {
  const r = await autocannon({
    url: job.url,
    method: job.method ?? 'POST',
    headers: job.headers,
    body: job.body,
    ...(job.loginStorm ? { requests: loginStorm(job.loginStorm.ips) } : {}),
    connections: job.connections,
    duration: job.seconds,
    timeout: 10,
  });
  return {
    reqPerSec: r.requests.average,
    requests: r['2xx'],
    seconds: r.duration,
    latencyAvg: r.latency.average,
    latencyP50: r.latency.p50,
    latencyP99: r.latency.p99,
    latencyMax: r.latency.max,
    bytesPerSec: r.throughput.average,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
}
