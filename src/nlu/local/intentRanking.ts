import { INTENT_IDS, type IntentId } from '../intents';
import type { ScoredIntent } from '../recognizer';
import type { NaiveBayes } from './naiveBayes';

/**
 * Naive Bayes log-likelihoods add up evidence from overlapping character n-grams as if independent,
 * so raw posteriors are near 0 or 1. Dividing by this temperature before the softmax makes the
 * scores calibrated: 12 gave the lowest calibration error (and near-lowest log loss) in 5-fold
 * cross-validation on the corpus.
 */
export const TEMPERATURE = 12;

/** Every intent with its probability, best first. */
export function rankIntents(model: NaiveBayes<IntentId>, features: readonly string[]): ScoredIntent[] {
  const logLikelihoods = model.logLikelihoods(features);
  const best = Math.max(...logLikelihoods.values());
  const weights = INTENT_IDS.map((intent) => {
    const logLikelihood = logLikelihoods.get(intent);
    return { intent, weight: logLikelihood === undefined ? 0 : Math.exp((logLikelihood - best) / TEMPERATURE) };
  });
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  return weights.map(({ intent, weight }) => ({ intent, score: weight / total })).sort((a, b) => b.score - a.score);
}
