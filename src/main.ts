import { createSampark } from './app';
import { authenticationProblem } from './channels/botframework/botFrameworkAdapter';
import { campaignsThroughWhatsApp, createSamparkServer, noticesThroughWebChat, noticesThroughWhatsApp, whatsAppPartsOf } from './server/samparkServer';
import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './log/logger';
import { systemClock } from './domain/clock';
import { SessionTokens } from './auth/sessionTokens';
import { StaffAuthentication } from './auth/staffAuthentication';
import { loadStaffSettings } from './auth/staffSettings';
import { loadDirectLineSettings } from './channels/directline/directLineSettings';
import { webChatGreeting } from './server/webChatGreeting';
import { mountWebChat } from './channels/directline/mountWebChat';
import { mountWhatsApp } from './channels/whatsapp/mountWhatsApp';
import { mountStaffConsoles } from './server/staffConsoles';
import { loadWhatsAppSettings } from './channels/whatsapp/whatsAppSettings';

/** `npm start`: the bot on whatever the environment configures, the embedded defaults otherwise. */
async function main(): Promise<void> {
  const config = configuredOrExit(() => loadConfig());
  const logger = createLogger(config.logLevel);
  const webChatSettings = configuredOrExit(() =>
    loadDirectLineSettings(process.env, logger, {
      discomName: config.policy.discomName,
      helplineNumber: config.policy.helplineNumber,
      memoryDays: config.stateIdleTtlDays,
    }),
  );
  const deployment = { host: config.host, trustedProxy: config.trustedProxy, simulatedBackend: config.backend.url === undefined };
  const staffSettings = configuredOrExit(() => loadStaffSettings(process.env, deployment, logger));
  // Null when no WHATSAPP_* variable is set: the channel is off.
  const whatsAppSettings = configuredOrExit(() => loadWhatsAppSettings(process.env));
  const problem = authenticationProblem(config);
  if (problem) {
    logger.fatal(problem);
    process.exit(1);
  }
  if (!config.botFramework.appId) {
    logger.warn('MicrosoftAppId is empty: /api/messages accepts unauthenticated requests (local development only)');
  }

  // The one clock of this process: everything that depends on the time of day reads it from here.
  const now = systemClock;
  const sampark = await createSampark(config, logger, { now });
  sampark.metrics.collectProcessMetrics();
  const { server } = createSamparkServer(sampark, config, logger);
  const staff = new StaffAuthentication(
    staffSettings.accounts,
    new SessionTokens(staffSettings.sessionSecret, staffSettings.sessionTtlSeconds, now),
    sampark.audit,
    { limiter: sampark.services.limiter, signInRules: staffSettings.signInRules, revocations: sampark.sessionRevocations, now },
  );
  const consoles = mountStaffConsoles(server, sampark, staff, { trustedProxy: config.trustedProxy });
  const webChat = mountWebChat(server, {
    bot: sampark.bot,
    translator: sampark.translator,
    greeting: webChatGreeting(sampark.translator, config.policy.discomName),
    logger,
    settings: webChatSettings,
    limiter: sampark.services.limiter,
    trustedProxy: config.trustedProxy,
    redisUrl: config.redisUrl,
    now,
  });
  const whatsApp = whatsAppSettings
    ? mountWhatsApp(server, {
        ...whatsAppPartsOf(sampark),
        logger,
        settings: whatsAppSettings,
        bodyTimeoutMs: config.requestBodies.timeoutMs,
        redisUrl: config.redisUrl,
        now,
      })
    : null;
  noticesThroughWebChat(sampark, webChat);
  // The first visitor should not wait for Web Chat's bundle to be built.
  webChat.preparePage().catch((error: unknown) => logger.error({ err: error }, 'the web chat page could not be prepared'));
  if (whatsApp) noticesThroughWhatsApp(sampark, whatsApp);
  // The simulator's consumers have made-up mobile numbers that may be real people's: campaigns over
  // them are written to the log, never sent, even with a real WhatsApp number configured.
  if (whatsAppSettings && config.backend.url) campaignsThroughWhatsApp(sampark, whatsAppSettings, logger);
  else if (whatsAppSettings) logger.warn('campaign messages are logged, not sent: the meter backend is the simulator (set BACKEND_URL)');
  // After every channel has defined its job kinds (WhatsApp's turns, sends, statuses): a worker that
  // started earlier could take a queued job of a kind not yet defined on this instance.
  await sampark.jobs.start();

  server.listen(config.port, config.host, () => {
    logger.info({ url: `http://${config.host}:${config.port}` }, 'Sampark is listening: web chat on GET /, POST /api/messages, GET /healthz, GET /readyz, GET /metrics');
  });

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // Web chat streams first: they hold connections open, and their clients reconnect to another instance.
    // Jobs before the WhatsApp stores: running turns and sends still write to them.
    // Agent consoles' live streams too, or the server would wait for them; the consoles reconnect elsewhere.
    consoles.close();
    void webChat.close().finally(() =>
      server.close(() => void sampark.close().then(() => whatsApp?.close()).finally(() => process.exit(0))),
    );
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** A bad variable stops start-up with a message naming it, not a stack trace. */
function configuredOrExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`sampark: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

void main();
