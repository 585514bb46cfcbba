import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

/** Runs an entry point of api/src in its own process, as npm would; `ready` resolves with the first match of `readyPattern`. */
function startProcess(entry: string, env: Record<string, string>, readyPattern: RegExp) {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', entry], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = readyPattern.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match);
      }
    }, 50);
    void exited.then(() => {
      clearInterval(timer);
      reject(new Error(`exited before it was ready:\n${output}`));
    });
  });
  ready.catch(() => undefined); // a test that expects an early exit does not await it
  return { child, exited, ready, output: () => output };
}

/** Runs api/src/main.ts as `npm start` would, in its own process. */
export function startMain(env: Record<string, string>) {
  const main = startProcess('api/src/main.ts', env, /listening on http:\/\/localhost:(\d+)/);
  const listening = main.ready.then((match) => Number(match[1]));
  listening.catch(() => undefined);
  return { ...main, listening };
}

/** Runs api/src/worker.ts as `npm run worker` would, in its own process. */
export function startWorker(env: Record<string, string>) {
  return startProcess('api/src/worker.ts', env, /worker is running jobs/);
}
