import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpMeterBackend, type HttpMeterBackendOptions } from '../../../src/backend/http/httpMeterBackend';
import { BackendUnavailableError, type Consumer } from '../../../src/backend/meterBackend';
import { createLogger, silentLogger } from '../../../src/log/logger';

interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers the n-th request (0-based); leaving `res` unanswered makes the client wait. */
type Respond = (res: ServerResponse, request: RecordedRequest, index: number) => void;

interface FakeServer {
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/** The proof that asks the backend to send an OTP to the registered number too. */
const REGISTERED = { kind: 'registered_mobile_otp' } as const;

const openServers: FakeServer[] = [];

async function fakeServer(respond: Respond): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      respond(res, request, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const fake: FakeServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  openServers.push(fake);
  return fake;
}

afterEach(async () => {
  await Promise.all(openServers.splice(0).map((s) => s.close()));
});

/**
 * Plain writeHead then end, never chained: restify (loaded by other suites in the same worker)
 * patches http.ServerResponse process-wide, and its writeHead does not return the response.
 */
function reply(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  reply(res, status, 'application/json', JSON.stringify(body));
}

/** A 500 for the first request, then `body` for every other. */
function failFirstThenServe(body: unknown): Respond {
  return (res, _request, index) => (index === 0 ? json(res, 500, {}) : json(res, 200, body));
}

function client(baseUrl: string, overrides: Partial<HttpMeterBackendOptions> = {}): HttpMeterBackend {
  return new HttpMeterBackend({
    baseUrl,
    timeoutMs: 200,
    retries: 0,
    retryBackoff: { initialDelayMs: 1, maxDelayMs: 5 },
    breaker: { consecutiveFailures: 10, halfOpenAfterMs: 10_000 },
    logger: silentLogger(),
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<BackendUnavailableError> {
  const error: unknown = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof BackendUnavailableError)) throw error;
  return error;
}

const CONSUMER: Consumer = {
  caNumber: '101000001',
  name: 'Ramesh Kumar',
  address: 'House 112, Sector 7, Kankarbagh Colony, Patna 800020',
  mobile: '9876500001',
  meterNumber: 'GS23A0104571',
  discom: 'SBPDCL',
  area: { circle: 'Patna', division: 'Patna East', subDivision: 'Kankarbagh', section: 'Kankarbagh-1' },
  urban: true,
};

describe('HttpMeterBackend', () => {
  describe('requests', () => {
    it('calls the contract path under the base URL, asking for JSON', async () => {
      const server = await fakeServer((res) => json(res, 200, CONSUMER));
      await expect(client(`${server.url}/sampark/`).findConsumer('101000001')).resolves.toEqual(CONSUMER);
      expect(server.requests).toEqual([
        expect.objectContaining({
          method: 'GET',
          url: '/sampark/v1/consumers/101000001',
          headers: expect.objectContaining({ accept: 'application/json' }),
        }),
      ]);
    });

    it('sends the API key as a bearer token', async () => {
      const server = await fakeServer((res) => json(res, 200, CONSUMER));
      await client(server.url, { apiKey: 's3cret-key' }).findConsumer('101000001');
      expect(server.requests[0]?.headers.authorization).toBe('Bearer s3cret-key');
    });

    it('sends no authorization header without an API key', async () => {
      const server = await fakeServer((res) => json(res, 200, CONSUMER));
      await client(server.url).findConsumer('101000001');
      expect(server.requests[0]?.headers).not.toHaveProperty('authorization');
    });

    it('posts the new mobile and the proof as a JSON body', async () => {
      const started = { outcome: 'otp_sent', requestId: 'r-1', expiresAt: '2025-03-03T04:40:00.000Z', sentTo: ['new_mobile'] };
      const proof = { kind: 'meter_and_last_recharge', meterNumber: 'LT22N0811390', lastRechargeAmount: 500 } as const;
      const server = await fakeServer((res) => json(res, 200, started));
      await expect(client(server.url).startMobileUpdate('101000008', '9123400008', proof)).resolves.toEqual(started);
      expect(server.requests[0]).toMatchObject({
        method: 'POST',
        url: '/v1/consumers/101000008/mobile-updates',
        headers: expect.objectContaining({ 'content-type': 'application/json' }),
        body: JSON.stringify({ mobile: '9123400008', proof }),
      });
    });

    it('refuses malformed input as a caller error, without calling the backend', async () => {
      const server = await fakeServer((res) => json(res, 200, CONSUMER));
      const backend = client(server.url);
      await expect(backend.findConsumer('12345')).rejects.toThrow(RangeError);
      await expect(backend.confirmMobileUpdate('r-1', { newMobile: '12345' })).rejects.toThrow(RangeError);
      const sloppyProof = { kind: 'meter_and_last_recharge', meterNumber: 'lt 22', lastRechargeAmount: -5 } as const;
      await expect(backend.startMobileUpdate('101000008', '9123400008', sloppyProof)).rejects.toThrow(RangeError);
      expect(server.requests).toHaveLength(0);
    });
  });

  describe('answers', () => {
    it('reads 404 on a consumer lookup as "no such consumer"', async () => {
      const server = await fakeServer((res) => json(res, 404, { error: 'not_found' }));
      await expect(client(server.url).findConsumer('101000098')).resolves.toBeNull();
    });

    it('accepts times with an Indian offset, as a discom backend may send them', async () => {
      const payment = {
        reference: '412300000003',
        caNumber: '101000003',
        amount: 500,
        paidAt: '2026-11-28T11:10:00+05:30',
        status: 'credited',
        creditedAt: '2026-11-28T11:12:00+05:30',
      };
      const server = await fakeServer((res) => json(res, 200, payment));
      await expect(client(server.url).findPayment('101000003', '412300000003')).resolves.toEqual(payment);
    });

    it('reads 404 where the contract has none as a broken backend', async () => {
      const server = await fakeServer((res) => json(res, 404, { error: 'not_found' }));
      const error = await failure(client(server.url).confirmMobileUpdate('r-1', { newMobile: '246810' }));
      expect(error.reason).toBe('bad_response');
    });

    it('rejects a body that does not match the schema, without retrying', async () => {
      const server = await fakeServer((res) => json(res, 200, { ...CONSUMER, caNumber: 101000001 }));
      const error = await failure(client(server.url, { retries: 2 }).findConsumer('101000001'));
      expect(error.reason).toBe('bad_response');
      expect(server.requests).toHaveLength(1);
    });

    it('rejects content that is not JSON', async () => {
      const server = await fakeServer((res) => reply(res, 200, 'text/html', '<h1>Gateway</h1>'));
      expect((await failure(client(server.url).findConsumer('101000001'))).reason).toBe('bad_response');
    });

    it('rejects a JSON content type whose body does not parse', async () => {
      const server = await fakeServer((res) => reply(res, 200, 'application/json', '{"caNumber":'));
      expect((await failure(client(server.url).findConsumer('101000001'))).reason).toBe('bad_response');
    });

    it('reads a 5xx as a server error', async () => {
      const server = await fakeServer((res) => json(res, 502, { error: 'bad_gateway' }));
      expect((await failure(client(server.url).getMeterStatus('101000001'))).reason).toBe('server_error');
    });
  });

  describe('timeouts and connection failures', () => {
    it('gives up on an attempt that takes longer than the timeout', async () => {
      const server = await fakeServer(() => undefined);
      const started = Date.now();
      const error = await failure(client(server.url, { timeoutMs: 50 }).findConsumer('101000001'));
      expect(error.reason).toBe('timeout');
      // Without the timeout the attempt would wait for ever; the bound only has to tell the two apart on a loaded machine.
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('counts the time to read the body against the timeout', async () => {
      const server = await fakeServer((res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"caNumber":');
      });
      const error = await failure(client(server.url, { timeoutMs: 50 }).findConsumer('101000001'));
      expect(error.reason).toBe('timeout');
    });

    it('reports a refused connection as unreachable', async () => {
      const server = await fakeServer(() => undefined);
      await server.close();
      expect((await failure(client(server.url).findConsumer('101000001'))).reason).toBe('unreachable');
    });
  });

  describe('retries', () => {
    it('retries a GET after a 500 and returns the answer that follows', async () => {
      const server = await fakeServer(failFirstThenServe(CONSUMER));
      await expect(client(server.url, { retries: 2 }).findConsumer('101000001')).resolves.toEqual(CONSUMER);
      expect(server.requests).toHaveLength(2);
    });

    it('retries a GET that timed out', async () => {
      const server = await fakeServer((res, _req, n) => (n === 0 ? undefined : json(res, 200, CONSUMER)));
      const backend = client(server.url, { retries: 1, timeoutMs: 50 });
      await expect(backend.findConsumer('101000001')).resolves.toEqual(CONSUMER);
      expect(server.requests).toHaveLength(2);
    });

    it('stops after the configured number of retries', async () => {
      const server = await fakeServer((res) => json(res, 503, {}));
      const error = await failure(client(server.url, { retries: 2 }).findConsumer('101000001'));
      expect(error.reason).toBe('server_error');
      expect(server.requests).toHaveLength(3);
    });

    it('never retries a POST that failed: the backend may have acted on it', async () => {
      const server = await fakeServer((res) => json(res, 500, {}));
      const error = await failure(client(server.url, { retries: 3 }).requestReconnect('101000006'));
      expect(error.reason).toBe('server_error');
      expect(server.requests).toHaveLength(1);
    });

    it('never retries a POST that timed out', async () => {
      const server = await fakeServer(() => undefined);
      const backend = client(server.url, { retries: 3, timeoutMs: 50 });
      expect((await failure(backend.startMobileUpdate('101000001', '9123400008', REGISTERED))).reason).toBe('timeout');
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('circuit breaker', () => {
    it('opens after the configured consecutive failures and then fails fast without calling', async () => {
      const server = await fakeServer((res) => json(res, 500, {}));
      const backend = client(server.url, { breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
      expect((await failure(backend.findConsumer('101000001'))).reason).toBe('server_error');
      expect((await failure(backend.requestReconnect('101000001'))).reason).toBe('server_error');
      expect((await failure(backend.findConsumer('101000001'))).reason).toBe('circuit_open');
      expect(server.requests).toHaveLength(2);
    });

    it('counts a GET that failed every retry as one failure', async () => {
      const server = await fakeServer((res) => json(res, 500, {}));
      const breaker = { consecutiveFailures: 2, halfOpenAfterMs: 10_000 };
      const backend = client(server.url, { retries: 2, breaker });
      expect((await failure(backend.findConsumer('101000001'))).reason).toBe('server_error');
      expect((await failure(backend.findConsumer('101000001'))).reason).toBe('server_error');
      expect((await failure(backend.findConsumer('101000001'))).reason).toBe('circuit_open');
      expect(server.requests).toHaveLength(6);
    });

    it('tries again after the half-open delay and closes when the backend answers', async () => {
      const server = await fakeServer(failFirstThenServe(CONSUMER));
      const backend = client(server.url, { breaker: { consecutiveFailures: 1, halfOpenAfterMs: 50 } });
      expect((await failure(backend.findConsumer('101000001'))).reason).toBe('server_error');
      expect((await failure(backend.findConsumer('101000001'))).reason).toBe('circuit_open');
      await sleep(60);
      await expect(backend.findConsumer('101000001')).resolves.toEqual(CONSUMER);
      await expect(backend.findConsumer('101000001')).resolves.toEqual(CONSUMER);
      expect(server.requests).toHaveLength(3);
    });
  });

  describe('logs', () => {
    it('report failures without the mobile number or the OTP', async () => {
      const lines: string[] = [];
      const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
      const server = await fakeServer((res) => json(res, 500, {}));
      const backend = client(server.url, { logger, retries: 1 });

      await failure(backend.findConnectionsByMobile('9123400008'));
      await failure(backend.startMobileUpdate('101000001', '9123400008', REGISTERED));
      await failure(backend.confirmMobileUpdate('r-1', { newMobile: '246810', registeredMobile: '135790' }));

      const log = lines.join('');
      expect(log).toContain('"reason":"server_error"');
      expect(log).toContain('"operation":"confirmMobileUpdate"');
      expect(log).not.toContain('9123400008');
      expect(log).not.toContain('246810');
      expect(log).not.toContain('135790');
    });
  });
});
