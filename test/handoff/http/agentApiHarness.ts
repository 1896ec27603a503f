import type { AddressInfo } from 'node:net';
import restify from 'restify';
import { createSampark, type Ports, type Sampark } from '../../../src/app';
import { MemoryAuditLog } from '../../../src/auth/memoryAuditLog';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import { loadStaffSettings } from '../../../src/auth/staffSettings';
import { SimulatedMeterBackend } from '../../../src/backend/simulator/simulatedMeterBackend';
import { loadConfig } from '../../../src/config/config';
import { mountAgentApi, type AgentApi } from '../../../src/handoff/http/agentApi';
import { mountAgentTickets } from '../../../src/handoff/http/agentTickets';
import { mountCallBackApi } from '../../../src/handoff/http/callBackApi';
import { mountConsumerSearch } from '../../../src/handoff/http/consumerSearch';
import { silentLogger } from '../../../src/log/logger';
import { TEST_NOW, TEST_OTP, TestConversation } from '../../support/conversation';
import { openEventStream, type OpenStream } from './eventStreamReader';
import { LOCAL_DEMO } from '../../support/localDemo';

/** Who can sign in: the demo accounts (agent1, agent2, supervisor1, lineman1, …). */
export const STAFF = ['agent1', 'agent2', 'supervisor1', 'lineman1'] as const;

export interface AgentApiHarness {
  url: string;
  server: restify.Server;
  sampark: Sampark;
  consumer: TestConversation;
  audit: MemoryAuditLog;
  api: AgentApi;
  /** Sign-in of the demo staff, for mounting more staff routes on `server`. */
  authentication: StaffAuthentication;
  /** The session clock: moving it on expires tokens. */
  sessionClock: { now: Date };
  call(who: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response>;
  /** The Authorization header of `who` (a demo account), or of `who` taken as a token. */
  authorization(who: string): string;
  /** Opens the live event stream as `who`. */
  stream(who: string): Promise<OpenStream>;
  close(): Promise<void>;
}

export interface AgentApiOptions {
  /** Ports of this instance (a Redis handoff store and event bus make it one of several). */
  ports?: Partial<Ports>;
  /** The bot's clock; the API's is five minutes later. The test clock unless given. */
  now?: () => Date;
  streamHeartbeatMs?: number;
  /** Configuration of the Sampark, as the environment would set it. */
  env?: Record<string, string>;
}

/**
 * The agent API on a Sampark on the test clock (the API's clock five minutes later), with the demo
 * staff signed in and a consumer talking on the test channel.
 */
export async function startAgentApi(options: AgentApiOptions = {}): Promise<AgentApiHarness> {
  const now = options.now ?? (() => TEST_NOW);
  const sampark = await createSampark(loadConfig(options.env ?? {}), silentLogger(), {
    now,
    backend: new SimulatedMeterBackend({ now, otpGenerator: () => TEST_OTP }),
    ...options.ports,
  });
  const consumer = TestConversation.over(sampark);
  sampark.notifier.register('test', consumer.proactiveChannel());
  const audit = new MemoryAuditLog();
  const settings = loadStaffSettings({}, LOCAL_DEMO, silentLogger());
  const sessionClock = { now: new Date() };
  const authentication = new StaffAuthentication(settings.accounts, new SessionTokens(settings.sessionSecret, 600, () => sessionClock.now), audit);
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser({ mapParams: false }));
  const api = mountAgentApi(server, {
    authentication,
    handoff: sampark.handoff,
    notifier: sampark.notifier,
    audit,
    backend: sampark.services.backend,
    tickets: sampark.ticketRepository,
    translator: sampark.translator,
    events: sampark.agentEvents,
    presence: sampark.presence,
    archive: sampark.handoffArchive,
    helplineNumber: sampark.services.policy.helplineNumber,
    autoAssignment: { lock: sampark.turnLock, maxOpenPerAgent: sampark.services.policy.agentMaxOpenConversations, logger: silentLogger() },
    now: () => new Date(now().getTime() + 300_000),
    ...(options.streamHeartbeatMs ? { streamHeartbeatMs: options.streamHeartbeatMs } : {}),
  });
  mountAgentTickets(server, {
    authentication,
    handoff: sampark.handoff,
    tickets: sampark.services.tickets,
    backend: sampark.services.backend,
    notifier: sampark.notifier,
    translator: sampark.translator,
    audit,
    logger: silentLogger(),
    now: () => new Date(now().getTime() + 300_000),
  });
  mountCallBackApi(server, { authentication, callBacks: sampark.callBacks, audit, now: () => new Date(now().getTime() + 300_000) });
  mountConsumerSearch(server, {
    authentication,
    archive: sampark.handoffArchive,
    tickets: sampark.ticketRepository,
    callBacks: sampark.callBacks,
    backend: sampark.services.backend,
    audit,
    now: () => new Date(now().getTime() + 300_000),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens: Record<string, string> = {};
  for (const username of STAFF) {
    const outcome = await authentication.signIn(username, `${username}-demo`, '127.0.0.1');
    if (outcome.ok) tokens[username] = outcome.token;
  }
  return {
    url,
    server,
    sampark,
    consumer,
    audit,
    api,
    authentication,
    sessionClock,
    call: (who, method, path, body) =>
      fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${tokens[who] ?? who}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    authorization: (who) => `Bearer ${tokens[who] ?? who}`,
    stream: (who) => openEventStream(url, `Bearer ${tokens[who] ?? who}`),
    close: async () => {
      api.closeStreams();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sampark.close();
    },
  };
}
