import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

type Task = { name: string; run: () => unknown };

/**
 * Undo steps for the benchmark, run newest first. `add` steps are async and run by
 * `run()` (normal end, error, Ctrl-C); `last` steps are synchronous and also run from
 * process 'exit', so a crash or a forced exit still kills our children and removes
 * our temp dirs.
 */
export class Cleanup {
  private tasks: Task[] = [];
  private lastResort: Task[] = [];
  private running: Promise<void> | undefined;

  constructor() {
    process.on('exit', () => {
      for (const task of [...this.lastResort].reverse()) {
        try {
          task.run();
        } catch {
          // best effort: the process is going away
        }
      }
    });
    const onSignal = (signal: NodeJS.Signals) => {
      process.exitCode = 130;
      console.error(`\n${signal}: cleaning up…`);
      void this.run().finally(() => process.exit(130));
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  /** An async undo step; the returned function removes it once done by hand. */
  add(name: string, run: () => unknown): () => void {
    const task = { name, run };
    this.tasks.push(task);
    return () => (this.tasks = this.tasks.filter((t) => t !== task));
  }

  /** A synchronous step that runs even on process.exit (kill a pid, remove a dir). */
  last(name: string, run: () => void): () => void {
    const task = { name, run };
    this.lastResort.push(task);
    return () => (this.lastResort = this.lastResort.filter((t) => t !== task));
  }

  run(): Promise<void> {
    return (this.running ??= (async () => {
      while (this.tasks.length) {
        const task = this.tasks.pop()!;
        try {
          await withTimeout(Promise.resolve(task.run()), 20_000, task.name);
        } catch (error) {
          console.error(`cleanup "${task.name}" failed: ${(error as Error).message}`);
        }
      }
      for (const task of [...this.lastResort].reverse()) {
        try {
          task.run();
        } catch (error) {
          console.error(`cleanup "${task.name}" failed: ${(error as Error).message}`);
        }
      }
      this.lastResort = [];
    })());
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Immediate shutdown of a PostgreSQL we started whose data dir is `dataDir` (postmaster.pid names it). */
export function killPostmaster(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (pid > 0 && isAlive(pid)) process.kill(pid, 'SIGQUIT');
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}
