import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { sameAccess, USER_ACCESS_CHANGED, type SessionService } from '../modules/identity/session.service';
import type { EventBus } from '../shared/event-bus';
import type { AuthUser } from './context';

/** graphql-ws's Forbidden: the client should not reconnect with the same token and expect the old access. */
export const FORBIDDEN_CLOSE = 4403;
const CLOSE_REASON = 'Forbidden: the user was deactivated or their access changed, or the API key was revoked';

/**
 * The signed-in WebSockets of this instance and who they are signed in as. A socket's
 * access is what it had when it connected; once the user is deactivated or deleted, or
 * their roles or partner link change, or the API key it signed in with is revoked, the
 * socket is closed with 4403 and runs nothing more: at once when the change's event arrives
 * (from any instance), and within SESSION_CACHE_SECONDS by a sweep that reads every
 * connected user again in one statement, and every connected key in another (an event
 * lost, a change made in the database by hand).
 */
export class WsSessions {
  private readonly sockets = new Map<WebSocket, AuthUser>();
  private readonly timer: NodeJS.Timeout;
  private readonly changes: AsyncIterableIterator<{ userId: string }>;

  constructor(
    private readonly sessions: SessionService,
    events: Pick<EventBus, 'subscribe'>,
    sweepEveryMs: number,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.sweep().catch((error) => logger.warn({ err: error }, 'websocket session sweep failed')), Math.max(1000, sweepEveryMs));
    this.timer.unref();
    this.changes = events.subscribe<{ userId: string }>(USER_ACCESS_CHANGED);
    void this.follow();
  }

  private async follow(): Promise<void> {
    for await (const { userId } of this.changes) {
      this.sessions.forget(userId);
      this.closeWhere((user) => user.id === userId);
    }
  }

  /** graphql-ws onConnect: the token's user, now tracked with its socket; null refuses the connection. */
  async connect(socket: WebSocket, token: string | undefined): Promise<AuthUser | null> {
    const user = await this.sessions.userFromToken(token);
    if (!user || socket.readyState !== socket.OPEN) return null;
    this.sockets.set(socket, user);
    socket.once('close', () => this.sockets.delete(socket));
    return user;
  }

  /** Who the socket's operations and events run as; null once its access is gone. */
  userOf(socket: WebSocket): AuthUser | null {
    return this.sockets.get(socket) ?? null;
  }

  /** Reads every connected user again and closes the sockets whose access changed. */
  async sweep(): Promise<void> {
    if (!this.sockets.size) return;
    const fresh = await this.sessions.refresh([...this.sockets.values()]);
    this.closeWhere((user) => !sameAccess(user, fresh.get(user.id) ?? null));
  }

  private closeWhere(revoked: (user: AuthUser) => boolean): void {
    for (const [socket, user] of this.sockets) {
      if (!revoked(user)) continue;
      this.sockets.delete(socket);
      this.logger.info({ userId: user.id }, 'websocket closed: access changed');
      socket.close(FORBIDDEN_CLOSE, CLOSE_REASON);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.changes.return?.();
  }
}
