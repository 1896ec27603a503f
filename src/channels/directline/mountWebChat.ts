import { systemClock } from '../../domain/clock';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { ShowTypingMiddleware, type TurnContext } from 'botbuilder';
import type { Server } from 'restify';
import { apologize } from '../../bot/apology';
import type { Translator } from '../../i18n/translator';
import type { RateLimiter } from '../../limits/rateLimiter';
import type { Logger } from '../../log/logger';
import { ActivityStreams } from './activityStream';
import { DirectLineAdapter } from './directLineAdapter';
import { addDirectLineRoutes } from './directLineRoutes';
import type { DirectLineSettings } from './directLineSettings';
import { openDirectLineStores, type DirectLineStores } from './directLineStores';
import { DirectLineTokens } from './directLineToken';
import { PostRateLimiter } from './postRateLimiter';
import { addWebChatPageRoutes, type WebChatGreeting } from './webChatPage';

/** What the web chat needs from the rest of Sampark. */
export interface WebChatDeps {
  /** The bot every channel runs (SamparkBot). */
  bot: { run(context: TurnContext): Promise<void> };
  translator: Translator;
  /** The bot's welcome and menu, shown by the page in its first kilobytes. */
  greeting: WebChatGreeting;
  logger: Logger;
  settings: DirectLineSettings;
  /** The shared rate limiter (Sampark's, Redis-backed when REDIS_URL is set): new tokens per client address. */
  limiter: RateLimiter;
  /** TRUSTED_PROXY: the client address is the one the proxy put in X-Forwarded-For. */
  trustedProxy: boolean;
  /** Redis for transcripts and the live fan-out across instances; absent keeps both in this process. */
  redisUrl?: string | undefined;
  /** Replaces the stores chosen from `redisUrl` (tests). */
  stores?: DirectLineStores;
  now?: () => Date;
  /** How often streams check their sockets and re-read the store; 20 s unless a test needs faster. */
  streamHeartbeatMs?: number;
}

/** The mounted web chat: its adapter for proactive messages, and how to stop it. */
export interface WebChat {
  adapter: DirectLineAdapter;
  /** Builds the page and Web Chat's bundle now instead of at the first visitor (a few seconds of CPU, once per machine). */
  preparePage(): Promise<void>;
  /** Closes the streams (clients reconnect elsewhere), lets running turns finish, releases the stores. */
  close(): Promise<void>;
}

/**
 * Adds the web chat to the server: the page at / and /chat, Web Chat's bundle, the Direct Line 3.0
 * subset under /v3/directline and its WebSocket streams, all running the same bot as every channel.
 */
export function mountWebChat(server: Server, deps: WebChatDeps): WebChat {
  const now = deps.now ?? systemClock;
  const stores = deps.stores ?? openDirectLineStores(deps.settings, deps.redisUrl, deps.logger);
  const tokens = new DirectLineTokens(deps.settings.tokenSecret, now);
  const adapter = new DirectLineAdapter({ transcripts: stores.transcripts, signals: stores.signals, now });
  // A lookup that takes a moment shows Web Chat's typing dots instead of silence.
  adapter.use(new ShowTypingMiddleware());
  adapter.onTurnError = async (context, error) => {
    deps.logger.error({ err: error, conversation: context.activity.conversation?.id }, 'web chat turn failed');
    await apologize(context, deps.translator).catch((sendError: unknown) => deps.logger.error({ err: sendError }, 'could not send the apology'));
  };

  const page = addWebChatPageRoutes(server, { branding: deps.settings.page, translator: deps.translator, greeting: deps.greeting });
  addDirectLineRoutes(server, {
    adapter,
    logic: (context) => deps.bot.run(context),
    tokens,
    transcripts: stores.transcripts,
    signals: stores.signals,
    limiter: new PostRateLimiter(deps.settings.maxPostsPerSecond, now),
    sourceLimiter: deps.limiter,
    trustedProxy: deps.trustedProxy,
    settings: deps.settings,
    logger: deps.logger,
    now,
  });

  const streams = new ActivityStreams({
    tokens,
    transcripts: stores.transcripts,
    signals: stores.signals,
    usedTickets: stores.usedTickets,
    logger: deps.logger,
    ...(deps.streamHeartbeatMs ? { heartbeatMs: deps.streamHeartbeatMs } : {}),
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => streams.handleUpgrade(request, socket, head);
  server.server.on('upgrade', onUpgrade);

  return {
    adapter,
    preparePage: () => page.prepare(),
    close: async () => {
      server.server.off('upgrade', onUpgrade);
      await streams.close();
      await adapter.idle();
      await stores.close();
    },
  };
}
