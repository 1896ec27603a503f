import type { IntentId } from '../intents';
import type { Script } from '../recognizer';

/** One evaluated message: what it should be, what the recognizer said, and how it is written. */
export interface Prediction {
  text: string;
  expected: IntentId;
  predicted: IntentId;
  score: number;
  script: Script;
}

/** Precision, recall and F1 of one intent; support is how many messages should have been it. */
export interface IntentScore {
  intent: IntentId;
  support: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The figures of one set of predictions. */
export interface Scores {
  n: number;
  accuracy: number;
  /** Mean F1 over every intent that was expected or predicted, so a wrong guess of an absent intent counts. */
  macroF1: number;
  intents: IntentScore[];
}

/** One kind of mistake: how often `expected` was taken for `predicted`, with the messages. */
export interface Confusion {
  expected: IntentId;
  predicted: IntentId;
  count: number;
  texts: string[];
}

/** Accuracy, macro-F1 and the per-intent figures; intents in descending support, then by name. */
export function scorePredictions(predictions: readonly Prediction[]): Scores {
  const intents = [...new Set(predictions.flatMap((p) => [p.expected, p.predicted]))];
  const scores = intents
    .map((intent) => intentScore(intent, predictions))
    .sort((a, b) => b.support - a.support || a.intent.localeCompare(b.intent));
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  return {
    n: predictions.length,
    accuracy: ratio(correct, predictions.length),
    macroF1: scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s.f1, 0) / scores.length,
    intents: scores,
  };
}

/** Every (expected, predicted) pair that differs, most frequent first. */
export function confusionsOf(predictions: readonly Prediction[]): Confusion[] {
  const byPair = new Map<string, Confusion>();
  for (const p of predictions) {
    if (p.expected === p.predicted) continue;
    const key = `${p.expected}>${p.predicted}`;
    const entry = byPair.get(key) ?? { expected: p.expected, predicted: p.predicted, count: 0, texts: [] };
    entry.count += 1;
    entry.texts.push(p.text);
    byPair.set(key, entry);
  }
  return [...byPair.values()].sort(
    (a, b) => b.count - a.count || a.expected.localeCompare(b.expected) || a.predicted.localeCompare(b.predicted),
  );
}

function intentScore(intent: IntentId, predictions: readonly Prediction[]): IntentScore {
  const support = predictions.filter((p) => p.expected === intent).length;
  const predicted = predictions.filter((p) => p.predicted === intent).length;
  const correct = predictions.filter((p) => p.expected === intent && p.predicted === intent).length;
  const precision = ratio(correct, predicted);
  const recall = ratio(correct, support);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { intent, support, predicted, correct, precision, recall, f1 };
}

/** A share that is 0, not NaN, when there is nothing to divide. */
function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
