import { createSampark } from '../../src/app';
import { apologize } from '../../src/bot/apology';
import { createBotFrameworkAdapter } from '../../src/channels/botframework/botFrameworkAdapter';
import { mountWhatsApp } from '../../src/channels/whatsapp/mountWhatsApp';
import { loadWhatsAppSettings } from '../../src/channels/whatsapp/whatsAppSettings';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { createHttpServer } from '../../src/server/httpServer';

/** Sampark composed as src/main.ts composes it with the WhatsApp channel on, for the benchmark to fork. */
async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const settings = loadWhatsAppSettings(process.env);
  if (!settings) throw new Error('the benchmark server needs the WHATSAPP_* variables');
  const sampark = await createSampark(config, logger);
  const adapter = createBotFrameworkAdapter(config, logger, (context) => apologize(context, sampark.translator));
  const server = createHttpServer({ bot: sampark.bot, adapter, logger, readiness: sampark.readiness, metrics: sampark.metrics });
  mountWhatsApp(server, {
    bot: sampark.bot,
    translator: sampark.translator,
    memory: sampark.services.memory,
    tickets: sampark.services.tickets,
    jobs: sampark.jobs,
    metrics: sampark.metrics,
    readiness: sampark.readiness,
    logger,
    settings,
    redisUrl: config.redisUrl,
  });
  await sampark.jobs.start();
  server.listen(config.port, config.host, () => process.send?.('ready'));
}

void serve();
