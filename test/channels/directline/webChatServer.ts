import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { createSampark, type Ports, type Sampark } from '../../../src/app';
import { loadDirectLineSettings, type DirectLineSettings } from '../../../src/channels/directline/directLineSettings';
import type { DirectLineStores } from '../../../src/channels/directline/directLineStores';
import { mountWebChat, type WebChat } from '../../../src/channels/directline/mountWebChat';
import { loadConfig } from '../../../src/config/config';
import { silentLogger, type Logger } from '../../../src/log/logger';
import { createSamparkServer, noticesThroughWebChat } from '../../../src/server/samparkServer';
import { webChatGreeting } from '../../../src/server/webChatGreeting';
import { mountStaffConsoles, type StaffConsoles } from '../../../src/server/staffConsoles';
import { SessionTokens } from '../../../src/auth/sessionTokens';
import { StaffAuthentication } from '../../../src/auth/staffAuthentication';
import type { StaffAccount } from '../../../src/auth/staff';

/** Staff sessions signed with this are accepted by every test server, like instances sharing STAFF_SESSION_SECRET. */
export const TEST_STAFF_SESSION_SECRET = 'test-secret-for-staff-sessions-0123456789';

/** The secret every test server signs with, so two instances accept each other's tokens. */
export const TEST_TOKEN_SECRET = 'test-secret-for-direct-line-tokens-0123456789';

export interface WebChatServerOptions {
  /** Environment of the web chat settings (DIRECTLINE_*, WEBCHAT_*). */
  env?: Record<string, string>;
  stores?: DirectLineStores;
  /** The web chat's clock (tokens, rate limit); the bot keeps the real one unless `ports.now` is given. */
  now?: () => Date;
  ports?: Partial<Ports>;
  streamHeartbeatMs?: number;
  logger?: Logger;
  /** Where to listen; an ephemeral port unless a test restarts a server in the same place. */
  port?: number;
  /** Variables of Sampark's own configuration (limits, TRUSTED_PROXY) over the defaults. */
  config?: Record<string, string>;
  /** Staff who can sign in to the consoles and APIs (`mountStaffConsoles`); none mounts nothing. */
  staff?: StaffAccount[];
}

/** A real Sampark on 127.0.0.1 with an ephemeral port: the same composition as `npm start`, plus the web chat. */
export interface RunningWebChat {
  url: string;
  server: Server;
  sampark: Sampark;
  webChat: WebChat;
  settings: DirectLineSettings;
  close(): Promise<void>;
}

export async function startWebChatServer(options: WebChatServerOptions = {}): Promise<RunningWebChat> {
  const config = loadConfig({ PORT: '0', ...options.config });
  const logger = options.logger ?? silentLogger();
  const sampark = await createSampark(config, logger, options.ports ?? {});
  const { server } = createSamparkServer(sampark, config, logger);
  const settings = loadDirectLineSettings(
    { DIRECTLINE_TOKEN_SECRET: TEST_TOKEN_SECRET, ...options.env },
    logger,
    { discomName: config.policy.discomName, helplineNumber: config.policy.helplineNumber, memoryDays: config.stateIdleTtlDays },
  );
  const webChat = mountWebChat(server, {
    bot: sampark.bot,
    translator: sampark.translator,
    greeting: webChatGreeting(sampark.translator, config.policy.discomName),
    logger,
    settings,
    limiter: sampark.services.limiter,
    trustedProxy: config.trustedProxy,
    ...(options.stores ? { stores: options.stores } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.streamHeartbeatMs ? { streamHeartbeatMs: options.streamHeartbeatMs } : {}),
  });
  noticesThroughWebChat(sampark, webChat);
  let consoles: StaffConsoles | null = null;
  if (options.staff) {
    const tokens = new SessionTokens(TEST_STAFF_SESSION_SECRET, 3600);
    consoles = mountStaffConsoles(server, sampark, new StaffAuthentication(options.staff, tokens, sampark.audit));
  }
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    sampark,
    webChat,
    settings,
    close: async () => {
      consoles?.close();
      await webChat.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sampark.close();
    },
  };
}
