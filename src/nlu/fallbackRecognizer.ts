import { BrokenCircuitError } from 'cockatiel';
import type { Logger } from '../log/logger';
import type { Recognition, Recognizer } from './recognizer';

/** A recognizer that answers every turn, with a count of the turns its fallback answered. */
export interface FallbackRecognizer extends Recognizer {
  /** Turns the fallback answered because the primary failed. */
  readonly fallbacks: number;
}

/**
 * The primary recognizer (CLU) with another (the local model) answering any turn the primary fails:
 * a consumer never waits on, or hears about, a language service outage.
 */
export function withFallback(primary: Recognizer, fallback: Recognizer, logger: Logger): FallbackRecognizer {
  let fallbacks = 0;
  return {
    get fallbacks() {
      return fallbacks;
    },
    async recognize(text: string): Promise<Recognition> {
      try {
        return await primary.recognize(text);
      } catch (error) {
        fallbacks += 1;
        // An open circuit was already reported when it opened; every other failure is news.
        if (error instanceof BrokenCircuitError) logger.debug('CLU circuit open: local model answered');
        else logger.warn({ reason: describe(error) }, 'CLU failed: local model answered this turn');
        return fallback.recognize(text);
      }
    },
  };
}

/** The error's name, status and message: never the consumer's text, which the request carried. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { statusCode?: unknown }).statusCode;
  return `${error.name}${typeof status === 'number' ? ` ${status}` : ''}: ${error.message}`;
}
