/** `npm run backend:sim`: the simulated discom backend on its own port, for the bot's BACKEND_URL. */
import { z } from 'zod';
import { presentVariables } from '../../config/environment';
import { maskConsumerNumber } from '../../domain/mask';
import { createLogger } from '../../log/logger';
import { createSimulatorServer } from './httpServer';
import { DEMO_CONSUMERS } from './seedConsumers';
import { SimulatedMeterBackend } from './simulatedMeterBackend';

const SimulatorEnvSchema = z.object({
  BACKEND_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
  BACKEND_SIM_HOST: z.string().min(1).default('127.0.0.1'),
  /** When set, the bot must send it as BACKEND_API_KEY. */
  BACKEND_SIM_API_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

async function main(): Promise<void> {
  const parsed = SimulatorEnvSchema.safeParse(presentVariables(process.env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const env = parsed.data;
  const logger = createLogger(env.LOG_LEVEL).child({ component: 'backend-simulator' });

  const backend = new SimulatedMeterBackend({
    // A demo has no SMS gateway: the tester reads the OTP here. The logger redacts fields named
    // "otp", so it travels in the message, which only this demo process ever writes.
    onOtpSent: ({ caNumber, maskedMobile, otp }) =>
      logger.info(
        { caNumber: maskConsumerNumber(caNumber), maskedMobile },
        `simulated SMS to ${maskedMobile}: OTP ${otp}`,
      ),
  });
  const server = createSimulatorServer({ backend, logger, apiKey: env.BACKEND_SIM_API_KEY });
  const address = await server.listen(env.BACKEND_SIM_PORT, env.BACKEND_SIM_HOST);
  logger.info({ url: address.url, demoConsumers: DEMO_CONSUMERS }, 'set BACKEND_URL to this url to use it');

  const shutDown = (signal: NodeJS.Signals): void => {
    logger.info({ signal }, 'backend simulator stopping');
    server.close().then(
      () => logger.info('backend simulator stopped'),
      (error: unknown) => {
        logger.error({ err: error }, 'backend simulator did not stop cleanly');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGINT', shutDown);
  process.once('SIGTERM', shutDown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
