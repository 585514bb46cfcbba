import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Cleanup } from './cleanup';

export interface LoadJob {
  id: number;
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** Each request a wrong login for a random email, from one IP or (X-Forwarded-For) from a random one each. */
  loginStorm?: { ips: 'one' | 'many' };
}

export interface LoadResult {
  reqPerSec: number;
  /** CPU the bench process (the servers under test; the load runs in a child) spent per completed request, µs: set by `round`. */
  cpuMicrosPerRequest?: number;
  /** Completed 2xx responses. */
  requests: number;
  seconds: number;
  latencyAvg: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
  bytesPerSec: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

/** autocannon in a forked child process (its own event loop), driven job by job. */
export class LoadGenerator {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LoadResult) => void; reject: (e: Error) => void }>();

  constructor(cleanup: Cleanup) {
    this.child = fork(path.join(__dirname, 'load-worker.ts'), [], {
      execArgv: ['-r', '@swc-node/register'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const pid = this.child.pid!;
    cleanup.add('stop the load generator', () => this.stop());
    cleanup.last('kill the load generator', () => {
      if (this.child.exitCode === null && this.child.signalCode === null) process.kill(pid, 'SIGKILL');
    });
    this.child.on('message', (message: { id: number; result?: LoadResult; error?: string }) => {
      const waiter = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiter?.reject(new Error(`autocannon: ${message.error}`));
      else waiter?.resolve(message.result!);
    });
    this.child.on('exit', (code, signal) => {
      for (const waiter of this.pending.values()) waiter.reject(new Error(`load generator exited (${code ?? signal})`));
      this.pending.clear();
    });
  }

  run(job: Omit<LoadJob, 'id'>): Promise<LoadResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...job, id });
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.disconnect();
    await exited;
  }
}

/**
 * One measured round against a server of this process: a warm-up, then the timed run, with
 * the process's CPU per completed request (less swayed by a busy machine than req/s), logged.
 */
export async function round(
  load: LoadGenerator,
  job: Omit<LoadJob, 'id' | 'seconds'>,
  timing: { warmupSeconds: number; seconds: number },
  label: string,
  log: (line: string) => void,
): Promise<LoadResult> {
  if (timing.warmupSeconds > 0) await load.run({ ...job, seconds: timing.warmupSeconds });
  const cpuBefore = process.cpuUsage();
  const result = await load.run({ ...job, seconds: timing.seconds });
  const cpu = process.cpuUsage(cpuBefore);
  result.cpuMicrosPerRequest = (cpu.user + cpu.system) / Math.max(1, result.requests);
  const problems = result.errors + result.timeouts + result.non2xx;
  log(
    `${label}: ${result.reqPerSec.toFixed(0).padStart(6)} req/s  p50 ${result.latencyP50} ms  p99 ${result.latencyP99} ms  cpu ${result.cpuMicrosPerRequest.toFixed(0)} µs/req` +
      (problems ? `  (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)` : ''),
  );
  return result;
}
