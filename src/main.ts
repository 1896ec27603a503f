import { createSampark } from './app';
import { authenticationProblem, createBotFrameworkAdapter } from './channels/botframework/botFrameworkAdapter';
import { ConfigError, loadConfig } from './config/config';
import { apologize } from './bot/apology';
import { createLogger } from './log/logger';
import { createHttpServer } from './server/httpServer';

/** `npm start`: the bot on whatever the environment configures, the embedded defaults otherwise. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`sampark: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const problem = authenticationProblem(config);
  if (problem) {
    logger.fatal(problem);
    process.exit(1);
  }
  if (!config.botFramework.appId) {
    logger.warn('MicrosoftAppId is empty: /api/messages accepts unauthenticated requests (local development only)');
  }

  const sampark = await createSampark(config, logger);
  sampark.metrics.collectProcessMetrics();
  await sampark.jobs.start();
  const adapter = createBotFrameworkAdapter(config, logger, (context) => apologize(context, sampark.translator));
  const server = createHttpServer({
    bot: sampark.bot,
    adapter,
    logger,
    readiness: sampark.readiness,
    metrics: sampark.metrics,
  });

  server.listen(config.port, config.host, () => {
    logger.info({ url: `http://${config.host}:${config.port}` }, 'Sampark is listening: POST /api/messages, GET /healthz, GET /readyz');
  });

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close(() => void sampark.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

void main();
