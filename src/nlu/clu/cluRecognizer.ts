import { ConversationAnalysisClient, type ConversationalTask } from '@azure/ai-language-conversations';
import { AzureKeyCredential } from '@azure/core-auth';
import { ConsecutiveBreaker, TimeoutStrategy, circuitBreaker, handleAll, timeout, wrap } from 'cockatiel';
import type { Logger } from '../../log/logger';
import { extractEntities } from '../entities';
import type { CluSettings } from '../nluSettings';
import { readMessage, settleRecognition } from '../recognition';
import type { Recognition, Recognizer } from '../recognizer';
import { mergeCluEntities } from './cluEntities';
import { cluLanguageOf } from './cluLanguage';
import { readCluPrediction } from './cluPrediction';

/**
 * The GA runtime API. The beta SDK defaults to 2022-05-15-preview; given `apiVersion` it rewrites
 * the query parameter, so the service sees `api-version=2023-04-01` (the fake server checks it).
 */
export const CLU_API_VERSION = '2023-04-01';

/** How the circuit breaker treats CLU. */
export interface CluBreakerSettings {
  /** Failed calls in a row that open the circuit. */
  consecutiveFailures: number;
  /** How long the circuit stays open before one call may try CLU again. */
  halfOpenAfterMs: number;
}

/**
 * Three failures in a row is an outage, not a blip; then 30 s of local answers spares every turn
 * the timeout, and one call every 30 s finds out quickly when CLU is back.
 */
const DEFAULT_BREAKER: CluBreakerSettings = { consecutiveFailures: 3, halfOpenAfterMs: 30_000 };

/** What the CLU recognizer needs: where CLU is, the none floor, a logger, and (in tests) a faster breaker. */
export interface CluRecognizerOptions {
  settings: CluSettings;
  /** Top scores below this become 'none', as in the local recognizer. */
  noneFloor: number;
  logger: Logger;
  breaker?: CluBreakerSettings;
}

/**
 * Classifies with an Azure CLU conversation project through the official SDK. It throws when CLU
 * fails, times out, or its circuit is open; see withFallback for the recognizer the bot uses.
 * Reserved keywords and messages without words never reach CLU.
 */
export function createCluRecognizer(options: CluRecognizerOptions): Recognizer {
  const { settings, noneFloor } = options;
  const log = options.logger.child({ component: 'clu' });
  const client = new ConversationAnalysisClient(settings.endpoint, new AzureKeyCredential(settings.key), {
    apiVersion: CLU_API_VERSION,
    // One try per turn: a retry would outlast the turn's timeout, and the local model covers the turn.
    retryOptions: { maxRetries: 0 },
    // nluSettings allows plain http only on loopback (a local fake); the SDK refuses it otherwise.
    allowInsecureConnection: new URL(settings.endpoint).protocol === 'http:',
  });
  const { consecutiveFailures, halfOpenAfterMs } = options.breaker ?? DEFAULT_BREAKER;
  const breaker = circuitBreaker(handleAll, { halfOpenAfter: halfOpenAfterMs, breaker: new ConsecutiveBreaker(consecutiveFailures) });
  breaker.onBreak(() => log.warn({ halfOpenAfterMs }, 'CLU circuit opened: the local model answers until it recovers'));
  breaker.onHalfOpen(() => log.info('CLU circuit half-open: trying one call'));
  breaker.onReset(() => log.info('CLU circuit closed: CLU answers again'));
  // Aggressive: the turn goes on at the deadline, and the abort signal cancels the HTTP request.
  const policy = wrap(breaker, timeout(settings.timeoutMs, TimeoutStrategy.Aggressive));

  return {
    async recognize(text: string): Promise<Recognition> {
      const facts = readMessage(text);
      if (facts.reserved) return settleRecognition(facts, facts.reserved, noneFloor);
      const task: ConversationalTask = {
        kind: 'Conversation',
        analysisInput: {
          conversationItem: { id: '1', participantId: 'consumer', text, language: cluLanguageOf(facts.script) },
        },
        parameters: {
          projectName: settings.projectName,
          deploymentName: settings.deploymentName,
          // Offsets in JavaScript string units, so entity positions index our string directly.
          stringIndexType: 'Utf16CodeUnit',
        },
      };
      const response = await policy.execute(({ signal }) => client.analyzeConversation(task, { abortSignal: signal }));
      const prediction = readCluPrediction(response);
      return settleRecognition(facts, prediction.ranked, noneFloor, mergeCluEntities(extractEntities(text), prediction.entities));
    },
  };
}
