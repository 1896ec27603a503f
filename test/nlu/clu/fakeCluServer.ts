import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake answers a well-formed request with: a prediction, an error status, or any 200 body. */
export type FakeCluReply =
  | { intents: [category: string, confidence: number][]; entities?: { category: string; text: string }[] }
  | { status: number; code: string; message?: string; retryAfterSeconds?: number }
  | { body: unknown };

/** One request as the fake received it. */
export interface RecordedCluRequest {
  method: string;
  path: string;
  apiVersion: string | null;
  subscriptionKey: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

export interface FakeCluOptions {
  key: string;
  projectName: string;
  deploymentName: string;
}

const API_PATH = '/language/:analyze-conversations';
const API_VERSION = '2023-04-01';

/**
 * The analyze-conversations REST endpoint of an Azure Language resource, on 127.0.0.1 with an
 * ephemeral port. It checks what the service checks (path, api-version, the subscription key
 * header, the task's shape, the project and deployment) and answers like it: a ConversationResult,
 * or `{"error": {...}}` with the status. Tests set `reply` and `delayMs` per call.
 */
export class FakeCluServer {
  readonly requests: RecordedCluRequest[] = [];
  /** The answer to the next well-formed requests; a function sees the utterance. */
  reply: FakeCluReply | ((text: string) => FakeCluReply) = { intents: [['None', 1]] };
  /** Wait this long before answering (a slow service). */
  delayMs = 0;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: http.Server,
    private readonly options: FakeCluOptions,
  ) {}

  static async start(options: FakeCluOptions): Promise<FakeCluServer> {
    const server = http.createServer();
    const fake = new FakeCluServer(server, options);
    server.on('request', (request, response) => fake.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  /** The Language resource endpoint to configure: the SDK appends /language/:analyze-conversations. */
  get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      const raw = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedCluRequest = {
        method: request.method ?? '',
        path: url.pathname,
        apiVersion: url.searchParams.get('api-version'),
        subscriptionKey: header(request, 'ocp-apim-subscription-key'),
        contentType: header(request, 'content-type'),
        body: parseJson(raw),
      };
      this.requests.push(recorded);
      const rejection = this.rejectionOf(recorded);
      if (rejection) {
        sendError(response, rejection);
        return;
      }
      const text = utteranceOf(recorded.body) ?? '';
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        if (response.destroyed) return;
        const reply = typeof this.reply === 'function' ? this.reply(text) : this.reply;
        if ('status' in reply) sendError(response, reply);
        else if ('body' in reply) sendJson(response, 200, reply.body);
        else sendJson(response, 200, conversationResult(text, reply));
      }, this.delayMs);
      this.timers.add(timer);
    });
  }

  /** What the real service refuses before classifying: wrong route, version, key, shape or project. */
  private rejectionOf(request: RecordedCluRequest): Extract<FakeCluReply, { status: number }> | null {
    if (request.method !== 'POST' || request.path !== API_PATH) return { status: 404, code: '404', message: 'Resource not found' };
    if (request.apiVersion !== API_VERSION) {
      return { status: 404, code: '404', message: `Resource not found: unsupported api-version ${String(request.apiVersion)}` };
    }
    if (request.subscriptionKey !== this.options.key) {
      return {
        status: 401,
        code: '401',
        message: 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
      };
    }
    if (!request.contentType?.startsWith('application/json')) return { status: 415, code: 'UnsupportedMediaType' };
    const problem = shapeProblem(request.body);
    if (problem) return { status: 400, code: 'InvalidRequest', message: problem };
    const parameters = (request.body as { parameters: { projectName: string; deploymentName: string } }).parameters;
    if (parameters.projectName !== this.options.projectName || parameters.deploymentName !== this.options.deploymentName) {
      return { status: 404, code: 'NotFound', message: 'The project or deployment could not be found.' };
    }
    return null;
  }
}

/** Why a body is not a Conversation task, or null when it is one. */
function shapeProblem(body: unknown): string | null {
  if (!isRecord(body)) return 'The request body is not a JSON object.';
  if (body.kind !== 'Conversation') return `Invalid task kind: ${String(body.kind)}.`;
  const item = isRecord(body.analysisInput) ? body.analysisInput.conversationItem : undefined;
  if (!isRecord(item)) return 'analysisInput.conversationItem is required.';
  for (const field of ['id', 'participantId', 'text'] as const) {
    if (typeof item[field] !== 'string' || item[field] === '') return `conversationItem.${field} is required.`;
  }
  if (!isRecord(body.parameters)) return 'parameters is required.';
  for (const field of ['projectName', 'deploymentName'] as const) {
    if (typeof body.parameters[field] !== 'string') return `parameters.${field} is required.`;
  }
  return null;
}

/** A ConversationResult as the 2023-04-01 API writes it: intents best first, entities with offsets. */
function conversationResult(query: string, reply: Extract<FakeCluReply, { intents: unknown }>): unknown {
  const intents = [...reply.intents]
    .sort(([, a], [, b]) => b - a)
    .map(([category, confidenceScore]) => ({ category, confidenceScore }));
  const entities = (reply.entities ?? []).map(({ category, text }) => ({
    category,
    text,
    offset: Math.max(0, query.indexOf(text)),
    length: text.length,
    confidenceScore: 1,
  }));
  return {
    kind: 'ConversationResult',
    result: { query, prediction: { topIntent: intents[0]?.category, projectKind: 'Conversation', intents, entities } },
  };
}

function sendError(response: http.ServerResponse, error: Extract<FakeCluReply, { status: number }>): void {
  if (error.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(error.retryAfterSeconds));
  sendJson(response, error.status, { error: { code: error.code, message: error.message ?? error.code } });
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function utteranceOf(body: unknown): string | undefined {
  if (!isRecord(body) || !isRecord(body.analysisInput) || !isRecord(body.analysisInput.conversationItem)) return undefined;
  const text = body.analysisInput.conversationItem.text;
  return typeof text === 'string' ? text : undefined;
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
