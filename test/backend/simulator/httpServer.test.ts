import { ErrorBodySchema } from '../../../src/backend/http/wireSchemas';
import { createSimulatorServer, type SimulatorServer } from '../../../src/backend/simulator/httpServer';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { silentLogger } from '../../../src/log/logger';

const NOW = new Date('2025-03-03T04:30:00.000Z');
const API_KEY = 'simulator-test-key';

let server: SimulatorServer | undefined;
let baseUrl: string;

async function start(apiKey?: string): Promise<void> {
  server = createSimulatorServer({
    backend: new SimulatedMeterBackend({ now: () => NOW, otpGenerator: () => '246810' }),
    logger: silentLogger(),
    apiKey,
  });
  baseUrl = (await server.listen(0, '127.0.0.1')).url;
}

afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface Call {
  method?: 'GET' | 'POST';
  body?: string;
  contentType?: string;
  authorization?: string;
}

async function call(path: string, { method = 'GET', body, contentType, authorization }: Call = {}) {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  if (authorization) headers.authorization = authorization;
  const response = await fetch(baseUrl + path, { method, headers, body });
  const answer: unknown = await response.json();
  return { status: response.status, contentType: response.headers.get('content-type'), body: answer };
}

const asJson = (body: unknown): Call => ({
  method: 'POST',
  body: JSON.stringify(body),
  contentType: 'application/json',
});
const UPDATES = '/v1/consumers/101000008/mobile-updates';
const REGISTERED = { kind: 'registered_mobile_otp' };

describe('simulator HTTP server', () => {
  describe('input validation', () => {
    beforeEach(() => start());

    // Unparseable JSON is caught by restify's body parser (invalid_content), the rest by our schemas.
    const badRequests: Array<[string, string, Call, 'bad_request' | 'invalid_content']> = [
      ['a CA number with letters', '/v1/consumers/10100A001', {}, 'bad_request'],
      ['a CA number too short', '/v1/consumers/12345/meter-status', {}, 'bad_request'],
      ['a malformed mobile query', '/v1/consumers?mobile=12345', {}, 'bad_request'],
      ['a missing mobile query', '/v1/consumers', {}, 'bad_request'],
      ['a repeated mobile query', '/v1/consumers?mobile=9876500001&mobile=9876500002', {}, 'bad_request'],
      ['a payment reference with spaces', '/v1/consumers/101000003/payments/UTR%20123', {}, 'bad_request'],
      ['a new mobile that is not one', UPDATES, asJson({ mobile: '12345', proof: REGISTERED }), 'bad_request'],
      ['a mobile update without a proof', UPDATES, asJson({ mobile: '9123400008' }), 'bad_request'],
      [
        'a proof of an unknown kind',
        UPDATES,
        asJson({ mobile: '9123400008', proof: { kind: 'trust_me' } }),
        'bad_request',
      ],
      [
        'a meter proof without the last recharge',
        UPDATES,
        asJson({ mobile: '9123400008', proof: { kind: 'meter_and_last_recharge', meterNumber: 'LT22N0811390' } }),
        'bad_request',
      ],
      ['a mobile update without a body', UPDATES, { method: 'POST' }, 'bad_request'],
      [
        'a mobile update as a form',
        UPDATES,
        { method: 'POST', body: 'mobile=9123400008', contentType: 'application/x-www-form-urlencoded' },
        'bad_request',
      ],
      [
        'a mobile update whose JSON does not parse',
        UPDATES,
        { method: 'POST', body: '{"mobile":', contentType: 'application/json' },
        'invalid_content',
      ],
      ['an OTP of two digits', '/v1/mobile-updates/abc-123/confirm', asJson({ otps: { newMobile: '12' } }), 'bad_request'],
      ['OTPs without the new number\'s', '/v1/mobile-updates/abc-123/confirm', asJson({ otps: { registeredMobile: '246810' } }), 'bad_request'],
      ['a request id with a space', '/v1/mobile-updates/a%20b/confirm', asJson({ otps: { newMobile: '246810' } }), 'bad_request'],
      ['a target page without a size', '/v1/targets?division=Patna%20East', {}, 'bad_request'],
      ['a target page too large', '/v1/targets?limit=1001', {}, 'bad_request'],
      ['a no-mobile flag that is not true or false', '/v1/targets?limit=10&noMobile=yes', {}, 'bad_request'],
      ['negative supply-cut hours', '/v1/targets?limit=10&supplyCutHours=-2', {}, 'bad_request'],
      ['a cursor that is not a CA number', '/v1/targets?limit=10&cursor=abc', {}, 'bad_request'],
    ];

    it.each(badRequests)('answers 400 with a JSON error for %s', async (_description, path, request, error) => {
      const response = await call(path, request);
      expect(response.status).toBe(400);
      expect(response.contentType).toMatch(/^application\/json/);
      expect(ErrorBodySchema.parse(response.body).error).toBe(error);
    });

    it('answers 404 with a JSON error for a CA number it does not know', async () => {
      const response = await call('/v1/consumers/101000098');
      expect(response).toMatchObject({ status: 404, body: { error: 'not_found' } });
    });

    it('answers 404 for the outage of an unknown consumer, and a null outage for a known one', async () => {
      expect((await call('/v1/consumers/101000098/planned-outage')).status).toBe(404);
      const known = await call('/v1/consumers/101000001/planned-outage');
      expect(known).toMatchObject({ status: 200, body: { outage: null } });
    });

    it("gives restify's own errors the same JSON shape", async () => {
      const unknownRoute = await call('/v1/meters');
      expect(unknownRoute.status).toBe(404);
      expect(ErrorBodySchema.parse(unknownRoute.body).error).toBe('resource_not_found');
      const wrongMethod = await call('/v1/consumers/101000001/reconnect');
      expect(wrongMethod.status).toBe(405);
      expect(ErrorBodySchema.parse(wrongMethod.body).error).toBe('method_not_allowed');
    });

    it('answers 200 with the outcome when a mobile update is asked for', async () => {
      const sent = await call('/v1/consumers/101000001/mobile-updates', asJson({ mobile: '9123400008', proof: REGISTERED }));
      expect(sent).toMatchObject({ status: 200, body: { outcome: 'otp_sent', requestId: expect.any(String) } });
      const noMobile = await call(UPDATES, asJson({ mobile: '9123400008', proof: REGISTERED }));
      expect(noMobile).toMatchObject({ status: 200, body: { outcome: 'no_registered_mobile' } });
    });

    it('answers 503 when the wrapped backend is unavailable', async () => {
      const response = await call('/v1/consumers/101000099/meter-status');
      expect(response).toMatchObject({ status: 503, body: { error: 'backend_unavailable' } });
    });
  });

  describe('API key', () => {
    beforeEach(() => start(API_KEY));

    it('refuses a request without the key', async () => {
      const response = await call('/v1/consumers/101000001');
      expect(response).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    });

    it('refuses a wrong key, or the right key in the wrong scheme', async () => {
      expect((await call('/v1/consumers/101000001', { authorization: 'Bearer not-the-key' })).status).toBe(401);
      expect((await call('/v1/consumers/101000001', { authorization: `Basic ${API_KEY}` })).status).toBe(401);
    });

    it('checks the key before looking at the input', async () => {
      expect((await call('/v1/consumers/not-a-ca')).status).toBe(401);
    });

    it('serves a request with the key', async () => {
      const response = await call('/v1/consumers/101000001', { authorization: `Bearer ${API_KEY}` });
      expect(response).toMatchObject({ status: 200, body: { caNumber: '101000001' } });
    });
  });
});
