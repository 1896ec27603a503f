import type { Activity } from 'botbuilder';
import WebSocket from 'ws';

/** What the Direct Line endpoints answer. */
export interface Conversation {
  conversationId: string;
  token: string;
  expires_in: number;
  streamUrl?: string;
}

export interface ActivityGroup {
  activities: Partial<Activity>[];
  watermark?: string;
}

export interface Answer<T> {
  status: number;
  body: T;
}

/** Speaks Direct Line 3.0 to a test server the way Web Chat's client does, over fetch and ws. */
export class DirectLineClient {
  /** `headers` go with every call: X-Forwarded-For, to be another client behind a trusted proxy. */
  constructor(
    private readonly baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  private get api(): string {
    return `${this.baseUrl}/v3/directline`;
  }

  async generate(): Promise<Conversation> {
    return (await this.call<Conversation>('POST', '/tokens/generate')).body;
  }

  refresh(token: string): Promise<Answer<Conversation>> {
    return this.call('POST', '/tokens/refresh', token);
  }

  start(token: string, body: object = { user: {} }): Promise<Answer<Conversation>> {
    return this.call('POST', '/conversations', token, body);
  }

  reconnect(conversationId: string, token: string, watermark = ''): Promise<Answer<Conversation>> {
    return this.call('GET', `/conversations/${conversationId}?watermark=${watermark}`, token);
  }

  post(conversationId: string, token: string, activity: object): Promise<Answer<{ id?: string; error?: { code: string; message: string } }>> {
    return this.call('POST', `/conversations/${conversationId}/activities`, token, activity);
  }

  /** A message as Web Chat posts it, with its clientActivityID. */
  say(conversationId: string, token: string, text: string, clientActivityID: string, locale = 'hi-IN') {
    return this.post(conversationId, token, {
      type: 'message',
      text,
      locale,
      from: { id: 'ignored-by-the-server', role: 'user' },
      channelData: { clientActivityID },
      attachments: [],
    });
  }

  poll(conversationId: string, token: string, watermark = ''): Promise<Answer<ActivityGroup>> {
    return this.call('GET', `/conversations/${conversationId}/activities?watermark=${watermark}`, token);
  }

  async call<T>(method: string, path: string, token?: string, body?: object): Promise<Answer<T>> {
    const response = await fetch(`${this.api}${path}`, {
      method,
      headers: {
        ...this.headers,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }
}

/** An open stream and everything it has received, with a way to wait for what is still to come. */
export class StreamReader {
  readonly groups: ActivityGroup[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: WebSocket.RawData) => {
      const text = data.toString();
      if (text) this.groups.push(JSON.parse(text) as ActivityGroup);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static open(streamUrl: string): Promise<StreamReader> {
    const socket = new WebSocket(streamUrl);
    const reader = new StreamReader(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(reader));
      socket.once('unexpected-response', (_request, response) => reject(new Error(`stream refused: ${response.statusCode}`)));
      socket.once('error', reject);
    });
  }

  get activities(): Partial<Activity>[] {
    return this.groups.flatMap((group) => group.activities);
  }

  /** Resolves with the first activity received (now or later) that matches; fails after `timeoutMs`. */
  async next(matches: (activity: Partial<Activity>) => boolean, timeoutMs = 5000): Promise<Partial<Activity>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.activities.find(matches);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(`no matching activity on the stream; received:\n${JSON.stringify(this.activities.map(summary), null, 1)}`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** A bot message whose text contains `fragment`. */
export const botSays = (fragment: string) => (activity: Partial<Activity>) =>
  activity.type === 'message' && activity.from?.role === 'bot' && (activity.text ?? '').includes(fragment);

/** A bot message offering `title` as a button (the menu in the web chat is buttons only). */
export const botOffers = (title: string) => (activity: Partial<Activity>) =>
  activity.type === 'message' && activity.from?.role === 'bot' && (activity.suggestedActions?.actions ?? []).some((action) => action.title === title);

function summary(activity: Partial<Activity>): string {
  return `${activity.type} ${activity.from?.role ?? ''} ${activity.id ?? ''}: ${(activity.text ?? '').slice(0, 60)}`;
}

/** The claims of a JWT, read the way Web Chat reads them. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}
