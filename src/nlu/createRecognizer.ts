import type { Logger } from '../log/logger';
import { createCluRecognizer } from './clu/cluRecognizer';
import { withFallback } from './fallbackRecognizer';
import { createLocalRecognizer } from './local/localRecognizer';
import type { NluSettings } from './nluSettings';
import type { Recognizer } from './recognizer';

/** The recognizer the configuration chose. */
export interface ConfiguredRecognizer extends Recognizer {
  /** 'local': the embedded model alone; 'clu': Azure CLU, with the local model for any turn CLU fails. */
  readonly kind: 'local' | 'clu';
  /** Turns the local model answered because CLU failed (always 0 for 'local'). */
  readonly fallbacks: number;
}

/**
 * The local model, or CLU with the local model as fallback when CLU is configured. The local model
 * is trained either way, so a CLU outage never leaves a turn unanswered. Its none floor is the
 * confirm threshold, so 'none' and the dialogs' menu fallback agree.
 */
export function createRecognizer(settings: NluSettings, logger: Logger): ConfiguredRecognizer {
  const noneFloor = settings.confirmThreshold;
  const local = createLocalRecognizer({ noneFloor });
  const { examples, milliseconds } = local.training;
  logger.info({ examples, trainingMs: Math.round(milliseconds) }, 'local language model trained');
  if (!settings.clu) {
    return { kind: 'local', fallbacks: 0, recognize: (text) => local.recognize(text) };
  }
  const { endpoint, projectName, deploymentName } = settings.clu;
  logger.info({ endpoint, projectName, deploymentName }, 'language understanding: Azure CLU, local model as fallback');
  const clu = withFallback(createCluRecognizer({ settings: settings.clu, noneFloor, logger }), local, logger);
  return {
    kind: 'clu',
    get fallbacks() {
      return clu.fallbacks;
    },
    recognize: (text) => clu.recognize(text),
  };
}
