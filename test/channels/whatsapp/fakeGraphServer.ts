import { setMaxListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseMessageRequest, ReadRequestSchema, type MessageRequest } from './metaSchemas';

export const FAKE_TOKEN = 'test-access-token-0123456789abcdef';
export const FAKE_PHONE_NUMBER_ID = '106540352242922';
export const FAKE_API_VERSION = 'v23.0';

/** Approved templates: name, languages, how many body parameters and quick-reply buttons each has. */
const APPROVED_TEMPLATES: Record<string, { languages: string[]; parameters: number; quickReplies?: number }> = {
  sampark_ticket_update: { languages: ['hi', 'en'], parameters: 2 },
  sampark_agent_reply: { languages: ['hi', 'en'], parameters: 1 },
  sampark_campaign: { languages: ['hi', 'en'], parameters: 2, quickReplies: 4 },
};

/** A fault the fake answers with instead of accepting. */
export type Fault =
  | { kind: 'status'; status: 500 | 503 }
  | { kind: 'throttle'; retryAfterSeconds: number }
  | { kind: 'timeout' }
  | { kind: 'outsideWindow' };

/** A message the fake accepted. */
export interface SentMessage extends MessageRequest {
  wamid: string;
  at: number;
}

/**
 * Stands in for graph.facebook.com: POST /{version}/{phone-number-id}/messages with the Bearer
 * token. Every request is checked against Meta's formats and limits (metaSchemas); a bad one gets
 * Meta's error 100 and is kept in `invalid`, which every test expects empty. Faults can be queued
 * (the next N sends fail) or held (an outage until lifted), and a recipient's window can be closed.
 */
export class FakeGraphServer {
  readonly sent: SentMessage[] = [];
  readonly reads: string[] = [];
  readonly invalid: Array<{ body: unknown; problems: string[] }> = [];
  /** Every message request that came in, including refused ones: how many tries a send took. */
  attempts = 0;
  private readonly queued: Fault[] = [];
  private outage: Fault | null = null;
  private readonly closedWindows = new Set<string>();
  private holding = false;
  private readonly waiters = new Set<() => void>();
  private sequence = 0;
  private readonly closing = new AbortController();

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {
    // Every held answer waits on this signal; a crash test holds dozens at once.
    setMaxListeners(0, this.closing.signal);
  }

  static async start(): Promise<FakeGraphServer> {
    let fake: FakeGraphServer | undefined;
    const server = http.createServer((req, res) => void fake!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeGraphServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return fake;
  }

  /** The next `count` message sends fail with `fault`. */
  failNext(count: number, fault: Fault): void {
    for (let index = 0; index < count; index += 1) this.queued.push(fault);
  }

  /** Every message send fails with `fault` until `recover()`. */
  breakDown(fault: Fault): void {
    this.outage = fault;
  }

  recover(): void {
    this.outage = null;
  }

  /** Accepts messages but answers none until `close()`: the sender never learns the wamid, as when it dies mid-call. */
  holdAnswers(): void {
    this.holding = true;
  }

  /** Answers the messages accepted from now on (held answers stay held). */
  answerAgain(): void {
    this.holding = false;
  }

  /** Free-form messages to `address` get 131047 (more than 24 hours since the user wrote); templates still go. */
  closeWindow(address: string): void {
    this.closedWindows.add(address);
  }

  /** Resolves once `count` messages were accepted in all; rejects after `timeoutMs`. */
  async waitForSent(count: number, timeoutMs = 10_000): Promise<SentMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.sent.length < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} messages at the fake Graph API, got ${this.sent.length}: ${JSON.stringify(this.sent.map(textOf))}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
        setTimeout(wake, 50);
      });
    }
    return this.sent.slice(0, count);
  }

  async close(): Promise<void> {
    this.closing.abort();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readJson(req);
    if (req.method !== 'POST' || req.url !== `/${FAKE_API_VERSION}/${FAKE_PHONE_NUMBER_ID}/messages`) {
      return reply(res, 400, metaError(100, `Unsupported request: ${req.method} ${req.url}`));
    }
    if (req.headers.authorization !== `Bearer ${FAKE_TOKEN}`) return reply(res, 401, metaError(190, 'Invalid OAuth access token'));
    const read = ReadRequestSchema.safeParse(body);
    if (read.success) {
      this.reads.push(read.data.message_id);
      return reply(res, 200, { success: true });
    }
    this.attempts += 1;
    const parsed = parseMessageRequest(body);
    if (!parsed.ok) {
      this.invalid.push({ body, problems: parsed.problems });
      return reply(res, 400, metaError(100, `(#100) Invalid parameter: ${parsed.problems.join('; ')}`));
    }
    const fault = this.queued.shift() ?? this.outage;
    if (fault) return this.fail(res, fault);
    const { message } = parsed.request;
    if (message.type === 'template') {
      const problem = templateProblem(message.template);
      if (problem) return reply(res, 404, metaError(132001, problem));
    } else if (this.closedWindows.has(parsed.request.address)) {
      return reply(res, 400, metaError(131047, 'Re-engagement message', 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.'));
    }
    this.sequence += 1;
    const wamid = `wamid.FAKE${String(this.sequence).padStart(6, '0')}`;
    this.sent.push({ ...parsed.request, wamid, at: Date.now() });
    for (const wake of [...this.waiters]) wake();
    if (this.holding) return void (await sleep(3_600_000, undefined, { signal: this.closing.signal }).catch(() => undefined));
    reply(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: parsed.request.address, wa_id: parsed.request.address }], messages: [{ id: wamid, message_status: 'accepted' }] });
  }

  private async fail(res: http.ServerResponse, fault: Fault): Promise<void> {
    switch (fault.kind) {
      case 'status':
        return reply(res, fault.status, metaError(131000, 'Something went wrong'));
      case 'throttle':
        res.setHeader('retry-after', String(fault.retryAfterSeconds));
        return reply(res, 429, metaError(130429, 'Rate limit hit'));
      case 'outsideWindow':
        return reply(res, 400, metaError(131047, 'Re-engagement message'));
      case 'timeout':
        // Answer far later than any client waits; the client gives up first.
        await sleep(5000, undefined, { signal: this.closing.signal }).catch(() => undefined);
        if (!res.writableEnded && !res.destroyed) reply(res, 500, metaError(131000, 'late'));
    }
  }
}

/** What a sent message says, for assertions and failure messages. */
export function textOf(sent: { message: MessageRequest['message'] }): string {
  const message = sent.message;
  if (message.type === 'text') return message.text.body;
  if (message.type === 'template') return `[template ${message.template.name}/${message.template.language.code}: ${(message.template.components ?? []).flatMap((c) => c.parameters.map((p) => ('text' in p ? p.text : p.payload))).join(' | ')}]`;
  const interactive = message.interactive;
  const options = interactive.type === 'button' ? interactive.action.buttons.map((button) => button.reply.title) : interactive.action.sections.flatMap((section) => section.rows.map((row) => row.title));
  return `${interactive.body.text} [${options.join(' | ')}]`;
}

function templateProblem(template: { name: string; language: { code: string }; components?: Array<{ type: string; index?: string; parameters: unknown[] }> }): string | null {
  const approved = APPROVED_TEMPLATES[template.name];
  if (!approved || !approved.languages.includes(template.language.code)) return `Template name does not exist in the translation: ${template.name}/${template.language.code}`;
  const components = template.components ?? [];
  const given = components.filter((component) => component.type === 'body').flatMap((component) => component.parameters).length;
  if (given !== approved.parameters) return `Number of parameters does not match the expected number of params: ${given} for ${approved.parameters}`;
  const buttons = components.filter((component) => component.type === 'button').map((component) => Number(component.index));
  const known = buttons.every((index) => index < (approved.quickReplies ?? 0)) && new Set(buttons).size === buttons.length;
  return known ? null : `Invalid button index: the template has ${approved.quickReplies ?? 0} quick-reply buttons`;
}

function metaError(code: number, message: string, details?: string) {
  return {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: 'AbCdEfGhIjK',
    },
  };
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}
