import path from 'node:path';
import { projectRoot } from '../../projectRoot';
import { DEFAULT_THRESHOLDS } from '../confidenceBands';
import type { IntentId } from '../intents';
import { readMessage, settleRecognition, withoutRuleOnlyGuesses } from '../recognition';
import type { Recognition, Recognizer } from '../recognizer';
import { loadCorpus } from './corpus';
import { featuresOf } from './features';
import { rankIntents } from './intentRanking';
import { trainNaiveBayes } from './naiveBayes';

/** Lidstone smoothing; 0.05-0.1 were best in cross-validation and on the held-out set. */
const SMOOTHING = 0.1;

/** How the recognizer is built; every field has a default for production. */
export interface LocalRecognizerOptions {
  /** JSON-lines training corpus; defaults to data/nlu/corpus.jsonl in the project root. */
  corpusPath?: string;
  /**
   * Top scores below this become intent 'none', with the ranking kept for "did you mean"; the
   * confirm threshold by default, so the recognizer's 'none' and the dialogs' fallback agree.
   */
  noneFloor?: number;
}

/** What start-up training did, for the start-up log. */
export interface TrainingReport {
  corpusPath: string;
  examples: number;
  milliseconds: number;
}

/** The embedded recognizer: trained in-process at start-up, no network. */
export interface LocalRecognizer extends Recognizer {
  readonly training: TrainingReport;
}

/** Trains a naive Bayes intent classifier from the corpus and wraps it as a Recognizer. */
export function createLocalRecognizer(options: LocalRecognizerOptions = {}): LocalRecognizer {
  const corpusPath = options.corpusPath ?? path.join(projectRoot(), 'data', 'nlu', 'corpus.jsonl');
  const noneFloor = options.noneFloor ?? DEFAULT_THRESHOLDS.confirmThreshold;
  const started = performance.now();
  const examples = loadCorpus(corpusPath);
  const model = trainNaiveBayes<IntentId>(
    examples.map((e) => ({ features: featuresOf(e.text), label: e.intent })),
    SMOOTHING,
  );
  const training = { corpusPath, examples: examples.length, milliseconds: performance.now() - started };

  return {
    training,
    async recognize(text: string): Promise<Recognition> {
      const facts = readMessage(text);
      return settleRecognition(facts, facts.reserved ?? withoutRuleOnlyGuesses(rankIntents(model, featuresOf(text))), noneFloor);
    },
  };
}
