import { createSampark } from '../../src/app';
import { mountWhatsApp } from '../../src/channels/whatsapp/mountWhatsApp';
import { loadWhatsAppSettings } from '../../src/channels/whatsapp/whatsAppSettings';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { createSamparkServer, whatsAppPartsOf } from '../../src/server/samparkServer';

/** Sampark composed as src/main.ts composes it with the WhatsApp channel on, for the benchmark to fork. */
async function serve(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const settings = loadWhatsAppSettings(process.env);
  if (!settings) throw new Error('the benchmark server needs the WHATSAPP_* variables');
  const sampark = await createSampark(config, logger);
  const { server } = createSamparkServer(sampark, config, logger);
  mountWhatsApp(server, { ...whatsAppPartsOf(sampark), logger, settings, bodyTimeoutMs: config.requestBodies.timeoutMs, redisUrl: config.redisUrl });
  await sampark.jobs.start();
  server.listen(config.port, config.host, () => process.send?.('ready'));
}

void serve();
