/**
 * Forked by reminder-fanout.ts: graphql-ws clients (one per user, in this process's own
 * event loop) subscribed to reminderDue on one instance; records when each reminder
 * arrived and sends the records back when asked.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface FanoutJob {
  url: string;
  tokens: string[];
}

export interface Arrival {
  reminderId: string;
  userId: string;
  deliveredAt: string;
  receivedAt: number;
}

const QUERY = 'subscription { reminderDue { reminderId userId deliveredAt } }';

process.once('message', (job: FanoutJob) => {
  const arrivals: Arrival[] = [];
  let errors = 0;
  const clients: Client[] = [];
  let connected = 0;
  for (const token of job.tokens) {
    const client = createClient({
      url: job.url,
      webSocketImpl: WebSocket,
      connectionParams: { token },
      retryAttempts: 0,
      lazy: false,
      on: { connected: () => void (++connected === job.tokens.length && process.send!({ ready: true })) },
    });
    clients.push(client);
    client.subscribe<{ reminderDue: { reminderId: string; userId: string; deliveredAt: string } }>(
      { query: QUERY },
      {
        next: ({ data }) => {
          const receivedAt = Date.now();
          if (data) arrivals.push({ ...data.reminderDue, receivedAt });
          else errors++;
        },
        error: () => void errors++,
        complete: () => undefined,
      },
    );
  }
  process.on('message', (message: { collect?: boolean; stop?: boolean }) => {
    if (message.collect) process.send!({ arrivals: arrivals.splice(0), errors });
    if (message.stop) void Promise.all(clients.map((c) => c.dispose())).then(() => process.exit(0));
  });
});
