import path from 'node:path';
import { projectRoot } from '../../projectRoot';
import { DEFAULT_THRESHOLDS } from '../confidenceBands';
import type { IntentId } from '../intents';
import { clausesOf } from '../clauses';
import { readMessage, settleRecognition, withoutUnfoundedGuesses } from '../recognition';
import type { Recognition, Recognizer, ScoredIntent } from '../recognizer';
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
      const rank = (part: string) => withoutUnfoundedGuesses(rankIntents(model, featuresOf(part)), part);
      return settleRecognition(facts, facts.reserved ?? surestReading(text, rank, noneFloor), noneFloor);
    },
  };
}

/**
 * The ranking of the whole message, or, when the model is unsure of it and it has several clauses,
 * of the clause it is surest of. Naive Bayes spreads its belief thin over a long message ("my mother
 * has asthma, her nebulizer runs on power. the meter has not updated for three days and there is no
 * light since yesterday"), while one clause of it names the problem plainly.
 */
function surestReading(text: string, rank: (part: string) => ScoredIntent[], noneFloor: number): ScoredIntent[] {
  const whole = rank(text);
  if ((whole[0]?.score ?? 0) >= noneFloor) return whole;
  const clauses = clausesOf(text);
  if (clauses.length < 2) return whole;
  let surest = whole;
  for (const clause of clauses) {
    const ranked = rank(clause);
    if ((ranked[0]?.score ?? 0) > (surest[0]?.score ?? 0)) surest = ranked;
  }
  return surest;
}
