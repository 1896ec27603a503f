import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dedupe } from '../../dedupe/dedupe';
import type { Logger } from '../../log/logger';
import type { ConversationSignal, ConversationSignals } from './conversationSignals';
import type { DirectLineTokens } from './directLineToken';
import { DIRECT_LINE_BASE } from './directLineRoutes';
import type { TranscriptStore } from './transcriptStore';
import { ConversationIdSchema, WatermarkSchema } from './wireSchemas';

/** What the streams read from and listen to. */
export interface ActivityStreamParts {
  tokens: DirectLineTokens;
  transcripts: TranscriptStore;
  signals: ConversationSignals;
  /** Where a ticket is claimed when it opens its stream: a second use, here or elsewhere, is refused. */
  usedTickets: Dedupe;
  logger: Logger;
  /** How often dead sockets are found and every stream re-reads the store (in case a signal was lost). */
  heartbeatMs?: number;
}

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_BASE}/conversations/([^/]+)/stream$`);

/**
 * The Direct Line WebSocket streams of this instance. A stream sends what the transcript holds after
 * its watermark, then again whenever a signal says it grew; it never pushes an activity it did not
 * read from the store, so order and watermarks are the same as for polling.
 */
export class ActivityStreams {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  private readonly streams = new Set<Stream>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly parts: ActivityStreamParts) {
    this.heartbeat = setInterval(() => this.beat(), parts.heartbeatMs ?? 20_000);
    this.heartbeat.unref();
  }

  /** Takes over an HTTP upgrade to a stream URL; false when the URL is not one (another handler's). */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return false;
    const conversationId = ConversationIdSchema.safeParse(match[1]);
    const watermark = WatermarkSchema.safeParse(url.searchParams.get('watermark') ?? '');
    const ticket = this.parts.tokens.check(url.searchParams.get('t') ?? '', 'stream');
    if (!conversationId.success || !watermark.success) return reject(socket, '400 Bad Request');
    if (!ticket.ok || ticket.claims.conv !== conversationId.data || !ticket.claims.jti) return reject(socket, '403 Forbidden');
    // The claim outlives the ticket, so the ticket cannot open a second stream while it is valid.
    const ttlSeconds = this.parts.tokens.secondsLeft(ticket.claims) + 1;
    // Until ws takes the socket over, a visitor who hangs up must not become an unhandled error.
    socket.on('error', () => socket.destroy());
    this.parts.usedTickets.claim(`stream:${ticket.claims.jti}`, ttlSeconds).then(
      (first) => {
        if (!first) return void reject(socket, '403 Forbidden');
        this.server.handleUpgrade(request, socket, head, (socket) => {
          this.streams.add(new Stream(socket, conversationId.data, watermark.data, this.parts, (stream) => this.streams.delete(stream)));
        });
      },
      (error: unknown) => {
        this.parts.logger.warn({ err: error }, 'web chat stream ticket store unavailable');
        reject(socket, '503 Service Unavailable');
      },
    );
    return true;
  }

  /** Closes every stream as "going away": Web Chat's client reconnects, perhaps to another instance. */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const stream of this.streams) stream.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private beat(): void {
    for (const stream of this.streams) stream.beat();
  }
}

/** One open WebSocket: its conversation and the watermark it has sent up to. */
class Stream {
  private reading = false;
  private readAgain = false;
  private answeredPing = true;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly socket: WebSocket,
    private readonly conversationId: string,
    private watermark: string,
    private readonly parts: ActivityStreamParts,
    private readonly onClosed: (stream: Stream) => void,
  ) {
    this.unsubscribe = parts.signals.subscribe(conversationId, (signal) => this.hear(signal));
    // Web Chat's client sends an empty message now and then to keep the socket alive; a good moment to catch up.
    socket.on('message', () => void this.send());
    socket.on('pong', () => (this.answeredPing = true));
    socket.on('close', () => this.dispose());
    socket.on('error', () => socket.terminate());
    void this.send();
  }

  beat(): void {
    if (!this.answeredPing) {
      this.socket.terminate();
      return;
    }
    this.answeredPing = false;
    this.socket.ping();
    void this.send();
  }

  close(): void {
    this.socket.close(1001, 'server going away');
  }

  private hear(signal: ConversationSignal): void {
    if (signal.kind === 'appended') {
      void this.send();
      return;
    }
    this.write({ activities: [signal.activity], ...(this.watermark ? { watermark: this.watermark } : {}) });
  }

  /** Sends what the store holds after the watermark; reads one at a time, again if news came meanwhile. */
  private async send(): Promise<void> {
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = true;
    try {
      do {
        this.readAgain = false;
        const page = await this.parts.transcripts.readAfter(this.conversationId, this.watermark);
        if (page.activities.length > 0) {
          this.write(page);
          this.watermark = page.watermark;
        }
      } while (this.readAgain && this.socket.readyState === this.socket.OPEN);
    } catch (error) {
      // The next signal or heartbeat reads again from the same watermark.
      this.parts.logger.warn({ err: error, conversation: this.conversationId }, 'web chat stream could not read the transcript');
    } finally {
      this.reading = false;
    }
  }

  private write(group: object): void {
    if (this.socket.readyState === this.socket.OPEN) this.socket.send(JSON.stringify(group));
  }

  private dispose(): void {
    this.unsubscribe();
    this.onClosed(this);
  }
}

function reject(socket: Duplex, status: string): true {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  return true;
}
