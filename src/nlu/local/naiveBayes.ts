/** One training example: its bag of features and its label. */
export interface FeatureExample<Label extends string> {
  features: readonly string[];
  label: Label;
}

/** A trained multinomial naive Bayes model. */
export interface NaiveBayes<Label extends string> {
  readonly labels: readonly Label[];
  /** log P(label) + Σ log P(feature | label) for every label; features never seen in training are skipped. */
  logLikelihoods(features: readonly string[]): Map<Label, number>;
}

/**
 * Multinomial naive Bayes with additive (Lidstone) smoothing `alpha`. Chosen over a linear model
 * because it trains in one counting pass (milliseconds at start-up) and matched it on the held-out set.
 */
export function trainNaiveBayes<Label extends string>(
  examples: readonly FeatureExample<Label>[],
  alpha: number,
): NaiveBayes<Label> {
  const labels = [...new Set(examples.map((e) => e.label))];
  const vocabulary = new Set<string>();
  const counts = new Map<Label, Map<string, number>>(labels.map((l) => [l, new Map()]));
  const totals = new Map<Label, number>(labels.map((l) => [l, 0]));
  const documents = new Map<Label, number>(labels.map((l) => [l, 0]));

  for (const { features, label } of examples) {
    const labelCounts = counts.get(label) as Map<string, number>;
    for (const feature of features) {
      vocabulary.add(feature);
      labelCounts.set(feature, (labelCounts.get(feature) ?? 0) + 1);
    }
    totals.set(label, (totals.get(label) ?? 0) + features.length);
    documents.set(label, (documents.get(label) ?? 0) + 1);
  }

  // Every log P(feature | label) is computed once here, one vector per feature, so classifying a
  // message is one map lookup per feature and a vector add: no logarithms per message.
  const logPriors = Float64Array.from(labels, (l) => Math.log((documents.get(l) ?? 0) / examples.length));
  const logDenominators = labels.map((l) => Math.log((totals.get(l) ?? 0) + alpha * vocabulary.size));
  const weights = new Map<string, Float64Array>();
  for (const feature of vocabulary) {
    weights.set(
      feature,
      Float64Array.from(labels, (label, index) => Math.log((counts.get(label)?.get(feature) ?? 0) + alpha) - logDenominators[index]!),
    );
  }

  return {
    labels,
    logLikelihoods(features) {
      const sums = Float64Array.from(logPriors);
      for (const feature of features) {
        const vector = weights.get(feature);
        if (!vector) continue;
        for (let index = 0; index < sums.length; index += 1) sums[index]! += vector[index]!;
      }
      return new Map(labels.map((label, index) => [label, sums[index]!]));
    },
  };
}
