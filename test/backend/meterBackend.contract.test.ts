import { HttpMeterBackend } from '../../src/backend/http/httpMeterBackend';
import { createSimulatorServer } from '../../src/backend/simulator/httpServer';
import { SimulatedMeterBackend } from '../../src/backend/simulator/simulatedMeterBackend';
import { silentLogger } from '../../src/log/logger';
import { describeMeterBackendContract } from './meterBackend.contract';

describeMeterBackendContract('the simulator in process', async (options) => ({
  backend: new SimulatedMeterBackend(options),
  close: async () => undefined,
}));

describeMeterBackendContract('the HTTP client talking to the simulator server', async (options) => {
  const apiKey = 'contract-test-key';
  const simulator = new SimulatedMeterBackend(options);
  const server = createSimulatorServer({ backend: simulator, logger: silentLogger(), apiKey });
  const { url } = await server.listen(0, '127.0.0.1');
  const backend = new HttpMeterBackend({
    baseUrl: url,
    apiKey,
    timeoutMs: 2000,
    retries: 1,
    retryBackoff: { initialDelayMs: 1, maxDelayMs: 5 },
    breaker: { consecutiveFailures: 50, halfOpenAfterMs: 1000 },
    logger: silentLogger(),
  });
  return { backend, close: () => server.close() };
});
