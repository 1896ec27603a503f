import { randomUUID } from 'node:crypto';
import type { Response } from 'restify';
import type { StaffIdentity } from '../../auth/staff';
import type { AgentEventBus } from '../agentEventBus';
import type { AgentPresence } from '../agentPresence';

/** How often an open stream writes a comment (so proxies keep it open) and marks its console present. */
export const STREAM_HEARTBEAT_MS = 20_000;

export interface AgentEventStreamDeps {
  events: AgentEventBus;
  presence: AgentPresence;
  heartbeatMs: number;
}

/** The streams open on this instance, so a shutdown can end them instead of waiting for the consoles. */
export class AgentEventStreams {
  private readonly open = new Set<() => void>();

  constructor(private readonly deps: AgentEventStreamDeps) {}

  /**
   * Serves GET /api/agent/events as Server-Sent Events (`event: <type>`, `data: <AgentEvent JSON>`)
   * until the console goes away or its session stops holding (checked at every heartbeat: a session
   * that expired or an account removed must not go on hearing); resolves then. The console counts
   * as present while it is open.
   */
  async serve(res: Response, identity: StaffIdentity, sessionHolds: () => Promise<boolean>): Promise<void> {
    const connection = randomUUID();
    const who = { username: identity.username, name: identity.name, role: identity.role };
    // Subscribed before the first byte, so nothing published after the console sees "open" is missed.
    const unsubscribe = await this.deps.events.subscribe((event) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    });
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // nginx and similar proxies would otherwise hold events back to fill a buffer.
      'X-Accel-Buffering': 'no',
    });
    res.write(': connected\n\n');
    // One after another, so a late heartbeat cannot bring a closed console back until its time runs out.
    let presence = Promise.resolve();
    const inTurn = (write: () => Promise<void>) => {
      presence = presence.then(write).catch(() => undefined);
    };
    const beat = () => inTurn(() => this.deps.presence.heartbeat(connection, who));
    beat();
    // A session that cannot be checked (Redis away) holds until the next beat rather than ending the stream.
    const heartbeat = setInterval(() => {
      void sessionHolds()
        .catch(() => true)
        .then((holds) => {
          if (!holds) return void res.end();
          if (res.writableEnded) return;
          res.write(': heartbeat\n\n');
          beat();
        });
    }, this.deps.heartbeatMs);

    await new Promise<void>((resolve) => {
      const end = () => {
        if (!this.open.delete(end)) return;
        clearInterval(heartbeat);
        unsubscribe();
        inTurn(() => this.deps.presence.leave(connection));
        if (!res.writableEnded) res.end();
        resolve();
      };
      this.open.add(end);
      // The response closes when the console goes away (a request's own 'close' only means its body was read).
      res.once('close', end);
      // It may have gone while this stream was being set up, before anything listened.
      if (!res.socket || res.socket.destroyed) end();
    });
  }

  /** Ends every open stream; consoles reconnect, to another instance when this one is going away. */
  closeAll(): void {
    for (const end of [...this.open]) end();
  }
}
