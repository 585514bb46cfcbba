/**
 * Forked by hostile.ts: one graphql-ws client (its own event loop, as a partner's
 * portal would be) sending one query over and over, `inFlight` at a time, until told
 * to stop; answers with what it got.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export interface WsLoadJob {
  url: string;
  token: string;
  query: string;
  inFlight: number;
}

export interface WsLoadResult {
  answered: number;
  errors: number;
  firstError?: string;
  bytes: number;
}

process.once('message', (job: WsLoadJob) => {
  const client = createClient({ url: job.url, webSocketImpl: WebSocket, connectionParams: { token: job.token }, retryAttempts: 0, lazy: false });
  const result: WsLoadResult = { answered: 0, errors: 0, bytes: 0 };
  let running = true;
  const once = () =>
    new Promise<void>((resolve) => {
      client.subscribe(
        { query: job.query },
        {
          next: (value) => {
            if (value.errors?.length) {
              result.errors++;
              result.firstError ??= JSON.stringify(value.errors[0]);
            } else result.answered++;
            result.bytes += JSON.stringify(value).length;
          },
          error: (error) => {
            result.errors++;
            result.firstError ??= JSON.stringify(error);
            resolve();
          },
          complete: resolve,
        },
      );
    });
  const loop = async () => {
    while (running) await once();
  };
  const loops = Array.from({ length: job.inFlight }, loop);
  process.send!({ started: true });
  process.once('message', () => {
    running = false;
    void Promise.all(loops).then(async () => {
      await client.dispose();
      process.send!({ result });
    });
  });
});
process.on('disconnect', () => process.exit(0));
